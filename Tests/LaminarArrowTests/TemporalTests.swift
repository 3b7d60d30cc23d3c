import Testing
@testable import LaminarArrow

@Suite struct TemporalTests {
    /// Day numbers checked against `date(…).toordinal() - date(1970,1,1).toordinal()` in Python.
    @Test(arguments: [
        ("1970-01-01", Int32(0)), ("2000-01-01", 10_957), ("2020-02-29", 18_321), ("1969-12-31", -1),
        ("1900-03-01", -25_508), ("2262-04-11", 106_751),
    ])
    func datesParseAndFormat(text: String, days: Int32) {
        #expect(Temporal.parseDate(text) == days)
        #expect(Temporal.formatDate(days) == text)
    }

    @Test func invalidDatesAreRejected() {
        for text in ["2021-02-29", "2020-13-01", "2020-00-10", "20-01-01", "2020-01-01x", "", "abcd-ef-gh"] {
            #expect(Temporal.parseDate(text) == nil, "\(text)")
        }
    }

    @Test func timestampsParseZonesAndFractions() throws {
        let utc = try #require(Temporal.parseTimestamp("2021-03-04T05:06:07.123456Z", unit: .microsecond))
        #expect(utc.ticks == 1_614_834_367_123_456)
        #expect(utc.hadZone)
        let offset = try #require(Temporal.parseTimestamp("2021-03-04 07:06:07.123456+02:00", unit: .microsecond))
        #expect(offset.ticks == utc.ticks)
        let naive = try #require(Temporal.parseTimestamp("2021-03-04 05:06", unit: .second))
        #expect(naive.ticks == 1_614_834_360)
        #expect(!naive.hadZone)
        #expect(Temporal.parseTimestamp("2021-03-04T25:00:00", unit: .second) == nil)
        #expect(Temporal.formatTimestamp(1_614_834_367_123_456, unit: .microsecond, utc: true)
                == "2021-03-04T05:06:07.123456Z")
        #expect(Temporal.formatTimestamp(-1, unit: .millisecond, utc: false) == "1969-12-31T23:59:59.999")
        #expect(Temporal.formatTime(45_296_000_001, unit: .microsecond) == "12:34:56.000001")
    }

    @Test func decimalsFormatAndParse() {
        #expect(DecimalFormat.string(12345, scale: 2) == "123.45")
        #expect(DecimalFormat.string(-5, scale: 3) == "-0.005")
        #expect(DecimalFormat.string(7, scale: 0) == "7")
        #expect(DecimalFormat.parse("123.456", precision: 10, scale: 2) == 12346)
        #expect(DecimalFormat.parse("-0.005", precision: 5, scale: 2) == -1)
        #expect(DecimalFormat.parse("1e3", precision: 6, scale: 1) == 10000)
        #expect(DecimalFormat.parse("5e-3", precision: 6, scale: 1) == 0)
        #expect(DecimalFormat.parse("12345", precision: 4, scale: 0) == nil)
        #expect(DecimalFormat.parse("1.2.3", precision: 10, scale: 2) == nil)
    }
}
