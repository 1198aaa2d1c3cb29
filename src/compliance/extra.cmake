# extra.cmake - build rules of the compliance layer: embed the measure
# catalogue (data/catalog/*.yaml) into the library as byte arrays, generated
# by a cmake -P script so no other tool is needed.
file(GLOB TSAUDIT_CATALOG_YAML CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/catalog/*.yaml)
set(TSAUDIT_CATALOG_C ${CMAKE_BINARY_DIR}/gen/catalog_data.c)
add_custom_command(
  OUTPUT ${TSAUDIT_CATALOG_C}
  COMMAND ${CMAKE_COMMAND} -DDIR=${CMAKE_SOURCE_DIR}/data/catalog -DOUT=${TSAUDIT_CATALOG_C}
          -P ${CMAKE_CURRENT_LIST_DIR}/embed.cmake
  DEPENDS ${TSAUDIT_CATALOG_YAML} ${CMAKE_CURRENT_LIST_DIR}/embed.cmake
  COMMENT "Embedding the measure catalogue"
  VERBATIM)
set(TSAUDIT_EXTRA_compliance ${TSAUDIT_CATALOG_C})
