import Testing

extension Tag {
    /// Runs the tool many times or on large generated input; `scripts/test --fast` leaves these out
    /// with the rest of this target.
    @Tag static var slow: Self
}
