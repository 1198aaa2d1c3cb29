# extra.cmake - build rules of the cli layer: the history dashboard's
# stylesheets (data/assets/dashboard.css for its pages, dashboard-bar.css for
# the bar it puts on stored reports) built in as asset_dashboard_css and
# asset_dashboard_bar_css (gen/cli_assets.h).
tsaudit_embed_assets(cli ${CMAKE_SOURCE_DIR}/data/assets/dashboard.css
                     ${CMAKE_SOURCE_DIR}/data/assets/dashboard-bar.css)
