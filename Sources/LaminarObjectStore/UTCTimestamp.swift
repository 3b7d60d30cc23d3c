import Foundation
import LaminarArrow

/// An instant as UTC calendar fields. Signing needs `20130524T000000Z`, and object stores answer with ISO 8601
/// (`2009-10-12T17:50:30.000Z`) and RFC 1123 (`Wed, 12 Oct 2009 17:50:30 GMT`) dates; the civil-date arithmetic
/// here (over `LaminarArrow`'s `Temporal` calendar) does all three without Foundation's formatters, which are not `Sendable` and parse leniently.
public struct UTCTimestamp: Hashable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    public init(_ date: Date) {
        let interval = date.timeIntervalSince1970.isFinite ? date.timeIntervalSince1970 : 0
        let wholeSeconds = interval.rounded(.down)
        let seconds = Int64(max(min(wholeSeconds, 1e15), -1e15))
        let (days, secondOfDayWide) = Temporal.floorDivide(seconds, Temporal.secondsPerDay)
        let secondOfDay = Int(secondOfDayWide)
        let civil = Temporal.civilFromDays(days)
        (year, month, day) = (Int(civil.year), Int(civil.month), Int(civil.day))
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60
        nanosecond = Int(((interval - wholeSeconds) * 1e9).rounded(.down))
    }

    public var date: Date {
        let days = Int(Temporal.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)))
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second
        return Date(timeIntervalSince1970: Double(seconds) + Double(nanosecond) / 1e9)
    }

    /// `yyyyMMdd'T'HHmmss'Z'`, the `x-amz-date` form.
    public var compactDateTime: String {
        dateStamp + "T" + Self.pad(hour, 2) + Self.pad(minute, 2) + Self.pad(second, 2) + "Z"
    }

    /// `yyyyMMdd`, the date of a SigV4 credential scope.
    public var dateStamp: String { Self.pad(year, 4) + Self.pad(month, 2) + Self.pad(day, 2) }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)`; `nil` for anything else.
    public static func parseISO8601(_ text: String) -> UTCTimestamp? {
        var scanner = FieldScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2), scanner.skip("T") || scanner.skip("t"),
            let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
            scanner.skip(":"), let second = scanner.number(digits: 2)
        else { return nil }
        var nanosecond = 0
        if scanner.skip(".") {
            guard let fraction = scanner.fractionNanoseconds() else { return nil }
            nanosecond = fraction
        }
        guard scanner.skip("Z") || scanner.skip("z") || (scanner.skip("+00:00")), scanner.atEnd else { return nil }
        return validated(year, month, day, hour, minute, second, nanosecond)
    }

    /// Parses the RFC 1123 form of HTTP dates, `Wed, 12 Oct 2009 17:50:30 GMT`; `nil` for anything else.
    public static func parseHTTPDate(_ text: String) -> UTCTimestamp? {
        var scanner = FieldScanner(text)
        guard scanner.skipLetters(3), scanner.skip(", "), let day = scanner.number(digits: 2), scanner.skip(" "),
            let monthName = scanner.letters(3), let month = monthNames.firstIndex(of: monthName).map({ $0 + 1 }),
            scanner.skip(" "), let year = scanner.number(digits: 4), scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
            scanner.skip(":"), let second = scanner.number(digits: 2), scanner.skip(" GMT"), scanner.atEnd
        else { return nil }
        return validated(year, month, day, hour, minute, second, 0)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func validated(
        _ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, _ nanosecond: Int
    ) -> UTCTimestamp? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        return UTCTimestamp(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
            nanosecond: nanosecond
        )
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension UTCTimestamp {
    /// Reads fixed-width fields from a date string; every step fails softly.
    private struct FieldScanner {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { index == bytes.count }

        mutating func skip(_ literal: String) -> Bool {
            let literalBytes = Array(literal.utf8)
            guard bytes.count - index >= literalBytes.count,
                bytes[index..<index + literalBytes.count].elementsEqual(literalBytes)
            else { return false }
            index += literalBytes.count
            return true
        }

        mutating func number(digits: Int) -> Int? {
            guard bytes.count - index >= digits else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += digits
            return value
        }

        /// One or more digits after a decimal point, as nanoseconds (digits beyond the ninth are dropped).
        mutating func fractionNanoseconds() -> Int? {
            var value = 0
            var count = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                if count < 9 { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")) }
                count += 1
                index += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, 9) { value *= 10 }
            return value
        }

        mutating func letters(_ count: Int) -> String? {
            guard bytes.count - index >= count else { return nil }
            let slice = bytes[index..<index + count]
            guard slice.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "z")).contains($0) }) else { return nil }
            index += count
            return String(decoding: slice, as: UTF8.self)
        }

        mutating func skipLetters(_ count: Int) -> Bool { letters(count) != nil }
    }
}
