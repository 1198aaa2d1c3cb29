# embed_bytes.cmake - included by the cmake -P embedding scripts: one file's
# bytes as the initialiser of a NUL-terminated C array, 16 bytes a line.
#
#   embed_bytes(FILE OUT_BYTES OUT_LEN)
#   OUT_BYTES receives "0x..,0x..,\n...0x00" and OUT_LEN the length without the NUL.
function(embed_bytes file out_bytes out_len)
  set(b16 "")
  foreach(k RANGE 15)
    string(APPEND b16 "0x[0-9a-f][0-9a-f],")
  endforeach()
  file(READ ${file} hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR len "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # Break the initialiser into lines of 16 bytes (CMake regexes have no {n}).
  string(REGEX REPLACE "(${b16})" "\\1\n" bytes "${bytes}")
  set(${out_bytes} "${bytes}0x00" PARENT_SCOPE)
  set(${out_len} ${len} PARENT_SCOPE)
endfunction()
