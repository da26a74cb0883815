// HTML CodeSniffer (through pa11y, WCAG 2 AA) on the pages given as arguments, in one browser:
// `node scripts/pa11y_pages.js <url>...` prints {url: [issue, ...]} as JSON, errors only.
// The browser is Debian's chromium ($CHROMIUM, else /usr/bin/chromium): puppeteer is installed without its own.
"use strict";
const pa11y = require("pa11y");
const puppeteer = require("puppeteer");

async function main(urls) {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  const found = {};
  try {
    for (const url of urls) {
      const page = await browser.newPage();
      const result = await pa11y(url, { browser, page, runners: ["htmlcs"], standard: "WCAG2AA", timeout: 60000 });
      found[url] = result.issues.filter((issue) => issue.type === "error");
      await page.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(found, null, 1));
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(String((error && error.stack) || error) + "\n");
  process.exit(1);
});
