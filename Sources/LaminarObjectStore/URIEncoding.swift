/// Percent-encoding by RFC 3986's unreserved set, the rule AWS Signature V4 prescribes. Requests are encoded
/// once, with this rule, for the wire and for the signature alike: a key that is encoded one way on the wire and
/// another way in the canonical request fails to authenticate.
public enum URIEncoding {
    /// Encodes every byte of `text`'s UTF-8 except `A-Z a-z 0-9 - _ . ~` (and `/` when `keepingSlashes`).
    public static func encode(_ text: String, keepingSlashes: Bool = false) -> String {
        encode(text, alsoKeeping: keepingSlashes ? [UInt8(ascii: "/")] : [])
    }

    /// Encodes every byte of `text`'s UTF-8 except the unreserved ones and the ASCII bytes in `kept`.
    public static func encode(_ text: String, alsoKeeping kept: Set<UInt8>) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || kept.contains(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// Decodes `%XX` sequences (and `+` as a space when `plusAsSpace`, as form encoding does); `nil` for a
    /// malformed escape or bytes that are not UTF-8.
    public static func decode(_ text: String, plusAsSpace: Bool = false) -> String? {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(text.utf8.count)
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else {
                    return nil
                }
                decoded.append(high << 4 | low)
            case UInt8(ascii: "+") where plusAsSpace:
                decoded.append(UInt8(ascii: " "))
            default:
                decoded.append(byte)
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
