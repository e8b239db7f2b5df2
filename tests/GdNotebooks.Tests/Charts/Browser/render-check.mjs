// Opens chart pages in Chromium with the network cut off and reports what plotly.js drew on each, as JSON on stdout.
// Usage: node render-check.mjs <chromium executable> <page.html>...
// Run by ChromiumRenderTests; playwright-core comes from the repository's node_modules (npm ci).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [executablePath, ...pages] = process.argv.slice(2);
if (!executablePath || pages.length === 0) {
  console.error('usage: node render-check.mjs <chromium> <page.html>...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-unsafe-swiftshader'],
});

// What a page drew, per plot div: whether plotly drew its SVG, the traces it holds, and counts of drawn parts.
function measure() {
  const count = (root, selector) => root.querySelectorAll(selector).length;
  return Array.from(document.querySelectorAll('.gdnb-plotly')).map(gd => ({
    id: gd.id,
    mainSvg: count(gd, '.main-svg'),
    message: gd.querySelector('.main-svg') ? null : gd.textContent,
    traces: (gd._fullData || []).map(t => ({ type: t.type, visible: t.visible })),
    axisTypes: gd._fullLayout ? Object.fromEntries(Object.keys(gd._fullLayout)
      .filter(k => /^[xy]axis\d*$/.test(k)).map(k => [k, gd._fullLayout[k].type])) : {},
    counts: {
      scatterTraces: count(gd, '.scatterlayer .trace'),
      scatterLines: count(gd, '.scatterlayer path.js-line'),
      scatterPoints: count(gd, '.scatterlayer path.point'),
      barPoints: count(gd, '.barlayer .point'),
      heatmapImages: count(gd, '.heatmaplayer image'),
      contourTraces: count(gd, '.contourlayer .contour'),
      contourLevels: count(gd, '.contourlayer .contourlevel path'),
      glCanvases: count(gd, '.gl-container canvas'),
      scenes: gd._fullLayout && gd._fullLayout.scene && gd._fullLayout.scene._scene ? 1 : 0,
      subplots: count(gd, '.cartesianlayer > .subplot'),
      shapes: count(gd, '.shapelayer path'),
      shapeLabels: count(gd, '.shape-label'),
      annotations: count(gd, '.annotation'),
      sliders: count(gd, '.slider-container'),
      sliderSteps: count(gd, '.slider-labels .slider-label-group'),
      menuButtons: count(gd, '.updatemenu-button'),
    },
  }));
}

const reports = [];
for (const page of pages) {
  const errors = [];
  const context = await browser.newContext();
  // No network: anything but a local file is refused and reported.
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    errors.push(`blocked network request: ${url}`);
    return route.abort();
  });
  const tab = await context.newPage();
  tab.on('console', m => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  tab.on('pageerror', e => errors.push(`page error: ${e.message}`));
  tab.on('requestfailed', r => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));

  let plots = [];
  let after = null;
  let math = null;
  try {
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await tab.waitForFunction(() => {
      const divs = Array.from(document.querySelectorAll('.gdnb-plotly'));
      return divs.length > 0 && divs.every(gd => (gd._fullLayout && gd.querySelector('.main-svg')) || gd.textContent);
    }, null, { timeout: 20000 });
    await tab.waitForTimeout(500);
    plots = await tab.evaluate(measure);
    // TeX typeset by KaTeX (report pages): rendered formulas, delimiters left raw, and whether its font loaded.
    math = await tab.evaluate(async () => {
      await document.fonts.ready;
      return {
        typeset: document.querySelectorAll('.katex').length,
        raw: (document.body.innerText.match(/\\\(|\\\[/g) || []).length,
        fontLoaded: document.fonts.check('16px KaTeX_Main'),
      };
    });

    // Drive the first slider to its last step, as a reader would, and see which traces show.
    const rail = await tab.$('.slider-container .slider-rail-touch-rect');
    if (rail) {
      const box = await rail.boundingBox();
      await tab.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
      await tab.waitForTimeout(300);
      after = await tab.evaluate(() => Array.from(document.querySelectorAll('.gdnb-plotly'))
        .map(gd => (gd._fullData || []).map(t => t.visible === true)));
    }
  } catch (e) {
    errors.push(`check failed: ${e.message}`);
  }
  reports.push({ page, errors, plots, visibleAfterSlider: after, math });
  await context.close();
}
await browser.close();
process.stdout.write(JSON.stringify(reports, null, 1));
