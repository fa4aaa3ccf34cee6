import ArgumentParser
import Musculoskeletal

/// `--tendons rigid|compliant|model` on the command line.
extension TendonCompliance: ExpressibleByArgument {}
