using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary>The built program as a separate process: real exit codes, real standard streams.</summary>
[TestClass]
public sealed class ProgramProcessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [TestMethod]
    public void Decode_from_standard_input_exits_1_on_a_bad_CRC_and_0_when_all_are_good()
    {
        (int bad, string badOutput, _) = RunWithInput(DsmrTelegrams.SeedE350, "decode", "--protocol", "dsmr", "-");
        Assert.AreEqual(1, bad);
        StringAssert.Contains(badOutput, "\"ok\":false,\"error\":\"CRC mismatch: telegram says 0C97, computed 3030\"");

        (int good, string goodOutput, string goodError) = RunWithInput(DsmrTelegrams.LandisGyrE350Dsmr42, "decode", "--protocol", "dsmr", "-");
        Assert.AreEqual(0, good, goodError);
        StringAssert.StartsWith(goodOutput, "{\"protocol\":\"dsmr\",\"ok\":true,");

        (int usage, _, string usageError) = RunWithInput(string.Empty, "decode", "--protocol", "nonesuch", "-");
        Assert.AreEqual(2, usage);
        StringAssert.Contains(usageError, "unknown protocol 'nonesuch' (known: dsmr");
    }

    [TestMethod]
    public void Demo_count_3_prints_its_first_message_within_a_couple_of_seconds_and_exits_0()
    {
        var watch = Stopwatch.StartNew();
        using Process process = CliRun.StartProcess("demo", "--count", "3", "--sml", "0", "--optical", "0", "--dlms", "0");
        try
        {
            Task<string> error = process.StandardError.ReadToEndAsync();
            Task<string?> firstLine = process.StandardOutput.ReadLineAsync();
            Assert.IsTrue(firstLine.Wait(Limit), "no output within " + Limit);
            TimeSpan firstMessage = watch.Elapsed;
            StringAssert.StartsWith(firstLine.Result, "concentrator/demo/meters/p1/readings {");

            string rest = process.StandardOutput.ReadToEnd();
            Assert.IsTrue(process.WaitForExit((int)Limit.TotalMilliseconds), "demo --count 3 exits");
            Assert.AreEqual(0, process.ExitCode, error.Result);
            Assert.AreEqual(2, rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "two more messages after the first");
            Assert.IsTrue(firstMessage < TimeSpan.FromSeconds(3), "first message after " + firstMessage.TotalSeconds + " s (process start included)");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(true);
            }
        }
    }

    private static (int ExitCode, string Output, string Error) RunWithInput(string input, params string[] args)
    {
        using Process process = CliRun.StartProcess(args);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(Encoding.Latin1.GetBytes(input));
        process.StandardInput.Close();
        if (!process.WaitForExit((int)Limit.TotalMilliseconds))
        {
            process.Kill(true);
            throw new AssertFailedException("the program did not exit within " + Limit);
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
