# extra.cmake - build rules of the report layer: the HTML report's stylesheet
# and script (data/assets/report.css, report.js) built in as asset_report_css
# and asset_report_js (gen/report_assets.h).
tsaudit_embed_assets(report ${CMAKE_SOURCE_DIR}/data/assets/report.css
                     ${CMAKE_SOURCE_DIR}/data/assets/report.js)
