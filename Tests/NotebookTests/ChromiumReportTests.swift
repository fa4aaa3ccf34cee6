import Foundation
import Testing
@testable import Notebook

/// Renders reports in headless Chromium (Debian's `chromium`), as a reader's browser would.
///
/// A probe script appended to a copy of the report records, after the page has loaded, every resource
/// the browser fetched, the figures and the drawn width of each chart; Chromium's console log shows any
/// script error. Skipped where Chromium is not installed.
@Suite(.enabled(if: Chromium.path != nil, "needs Debian's chromium package"))
struct ChromiumReportTests {
    @Test func reportRendersOfflineWithEveryFigureAndNoScriptErrors() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("pipeline.md"))
        let page = try Chromium.load(html: run.html, in: harness.directory)
        #expect(page.scriptErrors.isEmpty, "\(page.scriptErrors)")
        #expect(page.probe.resources.isEmpty, "the report fetched \(page.probe.resources)")
        #expect(page.probe.figures == 1)
        #expect(page.probe.svgWidths.count == 1 && page.probe.svgWidths.allSatisfy { $0 > 300 }, "\(page.probe.svgWidths)")
        #expect(page.probe.title == "Pipeline <script>alert('title')</script> test", "the escaped title reads back as text")
        #expect(page.probe.scripts == 1, "only the probe's own script")
    }

    /// A reader whose system is dark gets a dark page; charts keep their white paper, on which their colours were chosen.
    @Test func darkModeFollowsTheReadersSystem() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("pipeline.md"))
        let light = try Chromium.load(html: run.html, in: harness.directory)
        let dark = try Chromium.load(html: run.html, in: harness.directory, dark: true)
        #expect(light.probe.background == "rgb(255, 255, 255)")
        #expect(dark.probe.background == "rgb(13, 17, 23)")
        #expect(dark.probe.chartBackground == "rgb(255, 255, 255)")
    }

    @Test func screenshotOfTheReportIsWritten() throws {
        let harness = try NotebookHarness()
        let run = try harness.run(try harness.copy("pipeline.md"))
        let html = harness.directory.appendingPathComponent("shot.html")
        try Data(run.html.utf8).write(to: html)
        let png = harness.directory.appendingPathComponent("shot.png")
        try Chromium.screenshot(of: html, to: png)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.count > 20_000)
        #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }
}

/// Drives headless Chromium for the tests.
enum Chromium {
    /// The browser's path, if installed.
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Probe: Decodable {
        var resources: [String]
        var figures: Int
        var svgWidths: [Double]
        var title: String
        var scripts: Int
        var background: String
        var chartBackground: String
    }

    struct Page {
        var probe: Probe
        var scriptErrors: [String]
    }

    static let commonArguments = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000",
    ]

    /// Loads `html` (with the probe appended) from a file in `folder`, as a light or (`dark`) a dark-mode system shows it;
    /// returns the probe and console errors.
    static func load(html: String, in folder: URL, dark: Bool = false) throws -> Page {
        let probe = """
            <script>
            window.addEventListener('load', () => {
              const result = {
                resources: performance.getEntriesByType('resource').map(e => e.name),
                figures: document.querySelectorAll('figure').length,
                svgWidths: [...document.querySelectorAll('figure svg')].map(s => s.getBoundingClientRect().width),
                title: document.title,
                scripts: document.querySelectorAll('script').length,
                background: getComputedStyle(document.body).backgroundColor,
                chartBackground: getComputedStyle(document.querySelector('figure svg') || document.body).backgroundColor
              };
              const out = document.createElement('pre');
              out.id = 'nmm-probe';
              out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            });
            </script>
            """
        // The report's Content-Security-Policy runs no script; the probe alone is let through by its hash.
        let policy = "content=\"default-src 'none';"
        guard html.contains(policy), !html.contains("script-src") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the report lacks its Content-Security-Policy"])
        }
        let body = String(probe.dropFirst("<script>".count).dropLast("</script>".count))
        let hex = Array(SHA256.hex(body).utf8)
        let digest = stride(from: 0, to: hex.count, by: 2).map { UInt8(String(decoding: hex[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
        let allowed = html.replacingOccurrences(of: policy, with: policy + " script-src 'sha256-\(Data(digest).base64EncodedString())';")
        let file = folder.appendingPathComponent("probe.html")
        try Data(allowed.replacingOccurrences(of: "</body>", with: probe + "</body>").utf8).write(to: file)
        let (output, log) = try run(commonArguments + (dark ? ["--force-dark-mode"] : [])
                                    + ["--enable-logging=stderr", "--v=0", "--dump-dom", file.absoluteString])
        guard let start = output.range(of: "<pre id=\"nmm-probe\">"), let end = output.range(of: "</pre>", range: start.upperBound..<output.endIndex) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no probe output; chromium said: \(log.suffix(2000))"])
        }
        let json = String(output[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        let decoded = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        let errors = log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }.map(String.init)
        return Page(probe: decoded, scriptErrors: errors)
    }

    /// Writes a PNG screenshot of the page at `url`.
    static func screenshot(of url: URL, to png: URL) throws {
        _ = try run(commonArguments + ["--window-size=1100,2400", "--screenshot=\(png.path)", url.absoluteString])
    }

    /// Runs Chromium; standard error goes to a file so a chatty log cannot block the pipe.
    private static func run(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path ?? "/usr/bin/chromium")
        process.arguments = arguments
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("nmm-chromium-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logURL) }
        let log = try FileHandle(forWritingTo: logURL)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = log
        try process.run()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try log.close()
        return (String(decoding: stdoutData, as: UTF8.self), (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
    }
}
