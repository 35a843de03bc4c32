using System;
using System.Text.RegularExpressions;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary><c>demo</c> with its defaults runs every simulated meter type at once: P1, SML, optical IEC and a DLMS bus.</summary>
[TestClass]
public sealed class DemoAllMetersTests
{
    [TestMethod]
    public void Demo_with_defaults_publishes_p1_sml_optical_and_both_dlms_meters()
    {
        // The first read of each DLMS meter also learns its object list (~9 s at 9600 baud); the two share the bus.
        CliRun run = CliRun.InProcess("demo", "--duration", "40");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        foreach (string meter in new[] { "p1", "sml1", "optical1", "dlms1", "dlms2" })
        {
            bool found = false;
            foreach (string line in run.OutputLines)
            {
                if (line.StartsWith("concentrator/demo/meters/" + meter + "/readings {\"meter\":\"" + meter + "\"", StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            Assert.IsTrue(found, meter + " published no readings\n" + run.Error);
        }

        StringAssert.Contains(run.Error, "dlms1: simulated DLMS/COSEM meter at HDLC address 1/1001");
        StringAssert.Contains(run.Error, "dlms2: simulated DLMS/COSEM meter at HDLC address 1/1002");
        Assert.IsTrue(Regex.IsMatch(run.Error, "dlms2: dlms read of \\d+ objects \\(\\d+ readings\\): \\d+ round trips, \\d+ bytes sent, \\d+ received"), run.Error);
        Assert.IsTrue(Regex.IsMatch(run.Error, "dlms1: reads [1-9]\\d*, failures \\d+, missed slots \\d+; dlms reads [1-9]"), run.Error);
    }
}
