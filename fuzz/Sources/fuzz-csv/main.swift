import CFuzzer
import FuzzHarness
import Foundation

// One input through `convert` as input.csv (see FuzzHarness), driven by libFuzzer.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzHarness.run(data!, size, name: "input.csv", roundTrip: false)
    return 0
})
