# extra.cmake - build rules of the checks layer: the built-in release-support
# table (data/releases/releases.yaml) and bogon table (data/bogons.txt) as
# strings, asset_releases_yaml and asset_bogons_txt in gen/checks_assets.h.
tsaudit_embed_assets(checks ${CMAKE_SOURCE_DIR}/data/releases/releases.yaml
                     ${CMAKE_SOURCE_DIR}/data/bogons.txt)
