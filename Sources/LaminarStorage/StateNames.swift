/// Turns catalog names into file and folder names for state (checkpoints, logs, writer ids).
public enum StateNames {
    /// Lower-case letters and digits stay; every other byte becomes `_` and its two hex digits. Distinct
    /// names (`a-b`, `a_b`, `"../x"`) so always give distinct names that stay inside their folder.
    public static func folder(_ name: String) -> String {
        var result = ""
        for byte in name.lowercased().utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16)
                result += "_" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result.isEmpty ? "_" : result
    }
}
