# extra.cmake - build rules of the cli layer: the history dashboard's
# stylesheet (data/assets/dashboard.css) built in as asset_dashboard_css
# (gen/cli_assets.h).
tsaudit_embed_assets(cli ${CMAKE_SOURCE_DIR}/data/assets/dashboard.css)
