import Testing
@testable import Notebook

/// Test vectors from FIPS 180-4 / NIST CSRC "SHA256.pdf" examples.
@Suite struct SHA256Tests {
    @Test func matchesTheFIPSVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Reference digest from Python's hashlib: `hashlib.sha256(bytes(i % 251 for i in range(1000000)))`.
    @Test func matchesHashlibOnAMegabyte() {
        let bytes = (0..<1_000_000).map { UInt8($0 % 251) }
        #expect(SHA256.hex(bytes) == "2c030d49ec131bfbbb446ad21e7a2f12cdb4f2f4f3fda3ac709dd2e68a4646c7")
        var pieces = SHA256()
        for start in stride(from: 0, to: bytes.count, by: 777) { pieces.update(bytes[start..<min(start + 777, bytes.count)]) }
        #expect(pieces.finalize() == SHA256.hex(bytes))
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let text = String(repeating: "nmm notebook ", count: 40)
        var hash = SHA256()
        for chunk in text.split(separator: " ", omittingEmptySubsequences: false) { hash.update(String(chunk) + " ") }
        #expect(hash.finalize() == SHA256.hex(text + " "))
    }
}
