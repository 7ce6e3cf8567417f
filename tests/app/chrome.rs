//! Headless Chromium driven over WebDriver (Debian `chromium` and
//! `chromium-driver`, never a downloaded browser): a `Journey` is one
//! person's browser. Every `checkpoint` saves a screenshot, runs axe-core
//! (WCAG 2.1 A/AA rules; serious or critical violations fail the test) and
//! looks for interface text that escaped translation. Screenshots stay in
//! `<target>/tmp/browser-journeys/<journey>/` when a journey fails and are
//! removed when it finishes.

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use crate::helpers::{ChildGuard, free_port};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// What a checkpoint checks about the page's language.
#[derive(Clone)]
pub enum LanguageCheck {
    /// The pseudo-language: every visible interface text must be a
    /// catalogue message (inside ⟦ ⟧).
    Pseudo,
    /// A real language: no text may be an English message that this
    /// language translates differently.
    NoEnglishLeft(Vec<String>),
    /// English pages: nothing to check.
    None,
}

/// The English texts that `language` translates differently and does not
/// itself use for another message (from the catalogues the server uses).
pub fn english_left_over_in(language: &str) -> Vec<String> {
    use atmp_academy::i18n::{Catalogues, Locale};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/locales");
    let catalogues = Catalogues::load(&dir).expect("catalogues load");
    let locale = Locale::from_tag(language).expect("a known language");
    let translated: std::collections::HashMap<String, String> =
        catalogues.plain_messages(locale).into_iter().collect();
    let own_texts: std::collections::HashSet<&String> = translated.values().collect();
    catalogues
        .plain_messages(Locale::En)
        .into_iter()
        .filter(|(id, english)| {
            translated.get(id).is_some_and(|text| text != english)
                && !own_texts.contains(english)
                && english.chars().filter(|c| c.is_alphabetic()).count() >= 4
        })
        .map(|(_, english)| english)
        .collect()
}

/// One person's browser, with the checks every page gets.
pub struct Journey {
    pub client: Client,
    base: String,
    artefacts: PathBuf,
    steps: usize,
    language_check: LanguageCheck,
    axe_source: String,
    _driver: ChildGuard,
    _profile: tempfile::TempDir,
}

impl Journey {
    /// Starts Chromium for a journey named `name` against `base`, sending
    /// `Accept-Language: accept_language`.
    pub async fn start(
        name: &str,
        base: &str,
        accept_language: &str,
        language_check: LanguageCheck,
    ) -> Journey {
        for program in [CHROMIUM, CHROMEDRIVER] {
            assert!(
                Path::new(program).exists(),
                "{program} is missing: the browser journeys need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)"
            );
        }
        let axe_path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/browser/node_modules/axe-core/axe.min.js");
        if !axe_path.exists() {
            let status = std::process::Command::new("npm")
                .args(["ci", "--no-audit", "--no-fund", "--silent"])
                .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser"))
                .status()
                .expect("npm is needed for the accessibility checks: apt-get install npm");
            assert!(status.success(), "npm ci in tests/browser failed");
        }
        let axe_source = std::fs::read_to_string(&axe_path).expect("axe-core");
        let port = free_port();
        let driver = ChildGuard(
            std::process::Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("chromedriver starts"),
        );
        let profile = tempfile::tempdir().expect("profile dir");
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--accept-lang={accept_language}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl.accept_languages": accept_language },
            }
        });
        let capabilities = match capabilities {
            Value::Object(map) => map,
            _ => unreachable!("built as an object"),
        };
        let mut client = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(connected) => {
                    client = Some(connected);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("chromedriver accepts a session");
        let artefacts = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join("browser-journeys")
            .join(name);
        let _ = std::fs::remove_dir_all(&artefacts);
        std::fs::create_dir_all(&artefacts).expect("artefacts dir");
        eprintln!("screenshots of journey {name}: {}", artefacts.display());
        Journey {
            client,
            base: base.to_owned(),
            artefacts,
            steps: 0,
            language_check,
            axe_source,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Opens a path of the app and checks the page.
    pub async fn open(&mut self, path: &str, step: &str) {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        };
        self.client.goto(&url).await.expect("navigation");
        self.checkpoint(step).await;
    }

    /// Opens a path of the app without checking the page.
    pub async fn goto_unchecked(&mut self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigation");
    }

    /// Clicks the element matching `css`, waits for the next page and checks it.
    pub async fn click(&mut self, css: &str, step: &str) {
        self.click_only(css).await;
        self.checkpoint(step).await;
    }

    /// Clicks the element matching `css` and waits for the next page,
    /// without checking it (for pages outside the app, e.g. the provider's).
    pub async fn click_only(&mut self, css: &str) {
        self.client
            .execute("window.__journeyMarker = true; return true;", vec![])
            .await
            .expect("mark the page");
        let element = self.find(css).await;
        element.click().await.unwrap_or_else(|error| {
            panic!("clicking {css} failed: {error}");
        });
        self.wait_for_new_page().await;
    }

    /// Types `text` into the field matching `css` (after clearing it).
    pub async fn fill(&mut self, css: &str, text: &str) {
        let element = self.find(css).await;
        element.clear().await.expect("clear field");
        element.send_keys(text).await.expect("type into field");
    }

    /// The element matching `css`; fails with a screenshot when absent.
    pub async fn find(&mut self, css: &str) -> fantoccini::elements::Element {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => {
                self.screenshot("missing-element").await;
                let url = self.client.current_url().await.map(|url| url.to_string());
                panic!("no element matches {css} on {url:?}: {error}");
            }
        }
    }

    /// The visible text of the page.
    pub async fn text(&self) -> String {
        self.client
            .execute("return document.body.innerText;", vec![])
            .await
            .expect("page text")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The current URL's path and query.
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Runs `script` (its last argument is the callback) in the page.
    pub async fn run_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, vec![])
            .await
            .expect("script runs")
    }

    async fn wait_for_new_page(&self) {
        for _ in 0..200 {
            let state = self
                .client
                .execute(
                    "return [window.__journeyMarker === true, document.readyState];",
                    vec![],
                )
                .await;
            if let Ok(Value::Array(values)) = state {
                if values.first() == Some(&Value::Bool(false))
                    && values.get(1).and_then(Value::as_str) == Some("complete")
                {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the page did not change after the click");
    }

    async fn screenshot(&mut self, step: &str) {
        self.steps += 1;
        if let Ok(png) = self.client.screenshot().await {
            let name: String = step
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let _ = std::fs::write(
                self.artefacts.join(format!("{:02}-{name}.png", self.steps)),
                png,
            );
        }
    }

    /// Screenshot, accessibility and language checks of the current page.
    pub async fn checkpoint(&mut self, step: &str) {
        self.screenshot(step).await;
        let url = self.path().await;
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "step \"{step}\" ({url}): serious or critical accessibility violations: {}",
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        );
        let error_status = self
            .client
            .execute(
                "const el = document.querySelector('[data-error-status]'); return el && el.dataset.errorStatus;",
                vec![],
            )
            .await
            .expect("error marker");
        assert!(
            error_status.is_null(),
            "step \"{step}\" ({url}) shows an error page (status {error_status})"
        );
        let scripts = self
            .client
            .execute("return document.scripts.length;", vec![])
            .await
            .expect("scripts");
        assert_eq!(
            scripts,
            Value::from(0),
            "step \"{step}\" ({url}): pages work without JavaScript, so they carry none"
        );
        let untranslated = self.untranslated_text().await;
        assert!(
            untranslated.is_empty(),
            "step \"{step}\" ({url}): text not from the catalogues: {untranslated:#?}"
        );
    }

    async fn axe_violations(&self) -> Vec<Value> {
        let injected = format!("{}\nreturn typeof axe;", self.axe_source);
        self.client
            .execute(&injected, vec![])
            .await
            .expect("axe-core loads in the page");
        let result = self
            .run_async(
                r#"const done = arguments[arguments.length - 1];
axe.run(document, {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  resultTypes: ['violations'],
}).then(result => done(result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                 nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
  .catch(error => done([{ id: 'axe-failed', impact: 'critical', help: String(error) }]));"#,
            )
            .await;
        result.as_array().cloned().unwrap_or_default()
    }

    async fn untranslated_text(&self) -> Vec<String> {
        let (mode, english) = match &self.language_check {
            LanguageCheck::None => return Vec::new(),
            LanguageCheck::Pseudo => ("pseudo", Vec::new()),
            LanguageCheck::NoEnglishLeft(english) => ("english", english.clone()),
        };
        let script = r#"
const [mode, english] = arguments;
const englishSet = new Set(english);
const content = el => el && el.closest('[translate="no"], [lang]:not(html), script, style, noscript, template, code, pre');
const hasLetters = text => /\p{L}/u.test(text);
const outsideMarkers = text => {
  let rest = text, before;
  do { before = rest; rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ''); } while (rest !== before);
  return rest;
};
const offending = text => mode === 'pseudo'
  ? hasLetters(outsideMarkers(text))
  : englishSet.has(text.trim());
const found = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const text = node.textContent.trim();
  if (!text || content(node.parentElement)) continue;
  if (offending(text)) found.push(text);
}
for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], input[type=submit], input[type=button]')) {
  if (content(el)) continue;
  for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'value']) {
    if (name === 'value' && !(el.type === 'submit' || el.type === 'button')) continue;
    const value = el.getAttribute(name);
    if (value && offending(value)) found.push(`${el.tagName.toLowerCase()}[${name}]: ${value}`);
  }
}
if (mode === 'pseudo' && !document.title.includes('⟦')) found.push(`<title>: ${document.title}`);
return found;"#;
        self.client
            .execute(script, vec![json!(mode), json!(english)])
            .await
            .expect("language check runs")
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|value| value.as_str().map(str::to_owned))
            .collect()
    }

    /// Resizes the browser window (CSS pixels).
    pub async fn resize(&mut self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("window size");
    }

    /// How far the page is wider than the window (0 when nothing scrolls
    /// sideways).
    pub async fn sideways_overflow(&self) -> i64 {
        self.client
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .expect("widths")
            .as_i64()
            .unwrap_or(i64::MAX)
    }

    /// Presses a key in the focused element (WebDriver key codes, e.g.
    /// `\u{e004}` for Tab, `\u{e007}` for Enter) and describes the element
    /// that has the focus afterwards.
    pub async fn press(&mut self, key: &str) -> String {
        let focused = self.client.active_element().await.expect("focused element");
        focused.send_keys(key).await.expect("key press");
        let described = self
            .client
            .execute(
                "const el = document.activeElement; return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.getAttribute('href') ? '[href=' + el.getAttribute('href') + ']' : '');",
                vec![],
            )
            .await
            .expect("describe focus");
        described.as_str().unwrap_or_default().to_owned()
    }

    /// Ends the journey: closes the browser and removes its screenshots.
    pub async fn finish(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self.artefacts);
    }
}
