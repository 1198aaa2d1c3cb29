# extra.cmake - build rules of the checks layer: the built-in release-support
# table (data/releases/releases.yaml) as a string, asset_releases_yaml in
# gen/checks_assets.h.
tsaudit_embed_assets(checks ${CMAKE_SOURCE_DIR}/data/releases/releases.yaml)
