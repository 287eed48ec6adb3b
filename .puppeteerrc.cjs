// whatsapp-web.js pulls in puppeteer, whose install step would download a Chrome build.
// We drive the system's Chromium instead (CHROME_PATH, default /usr/bin/chromium).
module.exports = { skipDownload: true };
