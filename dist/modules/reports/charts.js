import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { fontFileFor } from "./font-subset.js";
const CHART_FONTS = [
  { file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYi Micro Hei" },
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" }
];
let chosen;
function chartFont() {
  chosen ??= CHART_FONTS.find((f) => fs.existsSync(f.file)) ?? CHART_FONTS[CHART_FONTS.length - 1];
  return chosen;
}
function renderChartSvg(option, size) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: "#ffffff", textStyle: { fontFamily: chartFont().family }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
async function rasterizeSvg(svg, opts = {}) {
  const font = chartFont();
  const fontFiles = opts.fonts === false ? [] : [await fontFileFor(font.file, font.family, svg)];
  const resvg = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: font.family },
    fitTo: { mode: "zoom", value: opts.scale ?? 2 },
    background: "#ffffff"
  });
  return resvg.render();
}
async function renderChartPng(option, size) {
  return (await rasterizeSvg(renderChartSvg(option, size), { scale: size.scale })).asPng();
}
export {
  CHART_FONTS,
  chartFont,
  rasterizeSvg,
  renderChartPng,
  renderChartSvg
};
//# sourceMappingURL=charts.js.map
