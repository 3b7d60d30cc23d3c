import LaminarArrow

/// A UTC instant broken into calendar fields, for `extract`, `date_trunc` and window arithmetic.
struct CivilTime {
    var days: Int64
    var year: Int64
    var month: Int64
    var day: Int64
    /// Ticks since midnight in `unit`.
    var timeOfDay: Int64
    var unit: TimeUnit

    init(ticks: Int64, unit: TimeUnit) {
        let perDay = Temporal.secondsPerDay * unit.ticksPerSecond
        let split = Temporal.floorDivide(ticks, perDay)
        self.init(days: split.quotient, timeOfDay: split.remainder, unit: unit)
    }

    init(days: Int64, timeOfDay: Int64 = 0, unit: TimeUnit = .microsecond) {
        self.days = days
        (year, month, day) = Temporal.civilFromDays(days)
        self.timeOfDay = timeOfDay
        self.unit = unit
    }

    var hour: Int64 { timeOfDay / (3600 * unit.ticksPerSecond) }
    var minute: Int64 { timeOfDay / (60 * unit.ticksPerSecond) % 60 }
    var second: Int64 { timeOfDay / unit.ticksPerSecond % 60 }
    /// Ticks inside the current second.
    var fraction: Int64 { timeOfDay % unit.ticksPerSecond }
    /// 0 for Sunday through 6 for Saturday; 1970-01-01 was a Thursday.
    var dayOfWeek: Int64 { Temporal.floorDivide(days + 4, 7).remainder }
    var dayOfYear: Int64 { days - Temporal.daysFromCivil(year: year, month: 1, day: 1) + 1 }

    /// ISO 8601 week number: weeks start on Monday and week 1 holds the year's first Thursday.
    var isoWeek: Int64 {
        let isoDay = (dayOfWeek + 6) % 7
        let thursday = days - isoDay + 3
        let thursdayYear = Temporal.civilFromDays(thursday).year
        let firstOfYear = Temporal.daysFromCivil(year: thursdayYear, month: 1, day: 1)
        return (thursday - firstOfYear) / 7 + 1
    }

    func ticks(days: Int64, timeOfDay: Int64 = 0) -> Int64 {
        days &* Temporal.secondsPerDay &* unit.ticksPerSecond &+ timeOfDay
    }
}
