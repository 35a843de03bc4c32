using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class DecodeCommandTests
{
    private string _directory = null!;

    [TestInitialize]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "concentrator-decode-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TestCleanup]
    public void DeleteDirectory()
    {
        Directory.Delete(_directory, true);
    }

    [TestMethod]
    public void Good_and_bad_telegrams_give_one_JSON_line_each_and_exit_code_1()
    {
        string file = Write("mixed.txt", DsmrTelegrams.LandisGyrE350Dsmr42 + DsmrTelegrams.SeedE350 + DsmrTelegrams.IskraAm550Dsmr50);

        CliRun run = CliRun.InProcess("decode", "--protocol", "dsmr", file);

        Assert.AreEqual(1, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        Assert.AreEqual(3, lines.Length, run.Output);

        using (JsonDocument first = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = first.RootElement;
            Assert.AreEqual("dsmr", root.GetProperty("protocol").GetString());
            Assert.IsTrue(root.GetProperty("ok").GetBoolean());
            Assert.AreEqual("4530303331303033323339343536373136", root.GetProperty("meter").GetString());
            Assert.AreEqual("XMX5LGBBFG1009325446", root.GetProperty("identification").GetString());
            Assert.AreEqual("2019-09-05T21:40:03+02:00", root.GetProperty("time").GetString());
            JsonElement readings = root.GetProperty("readings");
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, readings.GetArrayLength());
            JsonElement t1 = Find(readings, "1-0:1.8.1*255");
            Assert.AreEqual(3235.689, t1.GetProperty("value").GetDouble());
            Assert.AreEqual("kWh", t1.GetProperty("unit").GetString());
            Assert.AreEqual(JsonValueKind.Number, t1.GetProperty("value").ValueKind);
            Assert.AreEqual("2019-09-05T21:00:00+02:00", Find(readings, "0-1:24.2.1*255").GetProperty("time").GetString());
        }

        using (JsonDocument second = JsonDocument.Parse(lines[1]))
        {
            JsonElement root = second.RootElement;
            Assert.AreEqual("dsmr", root.GetProperty("protocol").GetString());
            Assert.IsFalse(root.GetProperty("ok").GetBoolean());
            Assert.AreEqual("CRC mismatch: telegram says 0C97, computed 3030", root.GetProperty("error").GetString());
            Assert.AreEqual(3, CountProperties(root), "protocol, ok, error");
        }

        using (JsonDocument third = JsonDocument.Parse(lines[2]))
        {
            Assert.IsTrue(third.RootElement.GetProperty("ok").GetBoolean());
            Assert.AreEqual("ISK5\\2M550T-1012", third.RootElement.GetProperty("identification").GetString());
        }

        StringAssert.Contains(run.Error, "2 decoded, 1 failure(s)");
    }

    [TestMethod]
    public void All_good_exits_0_and_prints_nothing_on_standard_error()
    {
        string file = Write("good.txt", DsmrTelegrams.LandisGyrE350Dsmr42 + DsmrTelegrams.IskraAm550Dsmr50);
        CliRun run = CliRun.InProcess("decode", "--protocol", "dsmr", file);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        Assert.AreEqual(2, run.OutputLines.Length);
        Assert.AreEqual(string.Empty, run.Error);
    }

    [TestMethod]
    public void Telegram_cut_by_the_end_of_input_is_reported_truncated()
    {
        string cut = DsmrTelegrams.LandisGyrE350Dsmr42.Substring(0, 200);
        string file = Write("cut.txt", DsmrTelegrams.IskraAm550Dsmr50 + cut);
        CliRun run = CliRun.InProcess("decode", "--protocol", "dsmr", file);
        Assert.AreEqual(1, run.ExitCode);
        using JsonDocument last = JsonDocument.Parse(run.OutputLines[1]);
        Assert.AreEqual("truncated telegram: ended after 200 bytes without its '!' end marker (the input ended)", last.RootElement.GetProperty("error").GetString());
    }

    [TestMethod]
    public void Input_without_any_telegram_exits_1_and_says_so()
    {
        CliRun empty = CliRun.InProcess("decode", "--protocol", "dsmr", Write("empty.txt", string.Empty));
        Assert.AreEqual(1, empty.ExitCode);
        Assert.AreEqual(string.Empty, empty.Output);
        StringAssert.Contains(empty.Error, "no dsmr telegram in the input (0 bytes)");

        CliRun noise = CliRun.InProcess("decode", "--protocol", "dsmr", Write("noise.txt", "hello world"));
        Assert.AreEqual(1, noise.ExitCode);
        using JsonDocument line = JsonDocument.Parse(noise.OutputLines[0]);
        Assert.AreEqual("garbage before telegram: 10 bytes skipped before the '/' start", line.RootElement.GetProperty("error").GetString());
        StringAssert.Contains(noise.Error, "no dsmr telegram decoded; 1 failure(s)");
    }

    [TestMethod]
    public void Hex_input_with_whitespace_decodes_like_the_binary()
    {
        byte[] telegram = Encoding.ASCII.GetBytes(DsmrTelegrams.LandisGyrE350Dsmr42);
        var hex = new StringBuilder();
        for (int i = 0; i < telegram.Length; i++)
        {
            hex.Append(telegram[i].ToString(i % 2 == 0 ? "X2" : "x2"));
            hex.Append(i % 16 == 15 ? "\r\n" : i % 4 == 3 ? "\t" : " ");
        }

        CliRun binary = CliRun.InProcess("decode", "--protocol", "dsmr", Write("telegram.bin", DsmrTelegrams.LandisGyrE350Dsmr42));
        CliRun fromHex = CliRun.InProcess("decode", "--protocol", "dsmr", "--hex", Write("telegram.hex", hex.ToString()));
        Assert.AreEqual(0, fromHex.ExitCode, fromHex.Error);
        Assert.AreEqual(binary.Output, fromHex.Output);
    }

    [TestMethod]
    public void Standard_input_is_read_for_a_dash()
    {
        CliRun run = CliRun.InProcess(Encoding.ASCII.GetBytes("2F 58 4D 58 35"), "decode", "--protocol", "dsmr", "--hex", "-");
        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Output, "truncated telegram: ended after 5 bytes");

        CliRun binary = CliRun.InProcess(Encoding.ASCII.GetBytes(DsmrTelegrams.IskraAm550Dsmr50), "decode", "--protocol=dsmr", "-");
        Assert.AreEqual(0, binary.ExitCode, binary.Error);
    }

    [TestMethod]
    [DataRow("zz", "bad hex: 'z' at line 1, column 1 is not a hex digit")]
    [DataRow("2F 58\n4G", "bad hex: 'G' at line 2, column 2 is not a hex digit")]
    [DataRow("2F 5", "bad hex: odd number of hex digits (the last one, at line 1, column 4, has no partner)")]
    [DataRow("0x2F", "bad hex: 'x' at line 1, column 2")]
    public void Bad_hex_is_a_usage_error_that_points_at_the_character(string text, string expected)
    {
        CliRun run = CliRun.InProcess("decode", "--protocol", "dsmr", "--hex", Write("bad.hex", text));
        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.Error, expected);
        Assert.AreEqual(string.Empty, run.Output);
    }

    [TestMethod]
    public void Usage_errors_exit_2_with_a_clear_message()
    {
        string file = Write("good.txt", DsmrTelegrams.LandisGyrE350Dsmr42);
        AssertUsage(new[] { "decode", "--protocol", "mbus", file }, "unknown protocol 'mbus' (known: dsmr");
        AssertUsage(new[] { "decode", file }, "missing --protocol (known: dsmr");
        AssertUsage(new[] { "decode", "--protocol", "dsmr", Path.Combine(_directory, "missing.txt") }, "file not found: " + Path.Combine(_directory, "missing.txt"));
        AssertUsage(new[] { "decode", "--protocol", "dsmr", _directory }, "is a directory, not a file");
        AssertUsage(new[] { "decode", "--protocol", "dsmr" }, "missing input: give a file, or - for standard input");
        AssertUsage(new[] { "decode", "--protocol", "dsmr", "--verbose", file }, "unknown option '--verbose' for 'decode'");
        AssertUsage(new[] { "decode", "--protocol", "dsmr", file, file }, "unexpected argument");
        AssertUsage(new[] { "decode", "--protocol" }, "option '--protocol' needs a value");
        AssertUsage(new[] { "decode", "--hex=yes", "--protocol", "dsmr", file }, "option '--hex' takes no value");
        AssertUsage(new[] { "recode" }, "unknown command 'recode': expected decode, simulate, demo, run");
        AssertUsage(Array.Empty<string>(), "usage: concentrator COMMAND");
    }

    [TestMethod]
    public void Help_describes_the_command_and_exits_0()
    {
        CliRun help = CliRun.InProcess("decode", "--help");
        Assert.AreEqual(0, help.ExitCode);
        StringAssert.StartsWith(help.Output, "usage: concentrator decode --protocol PROTOCOL [--hex] FILE|-");
        StringAssert.Contains(help.Output, "  dsmr ");

        CliRun overview = CliRun.InProcess("--help");
        Assert.AreEqual(0, overview.ExitCode);
        StringAssert.Contains(overview.Output, "  decode ");
        StringAssert.Contains(overview.Output, "  simulate ");
        StringAssert.Contains(overview.Output, "  demo ");
        Assert.AreEqual(0, CliRun.InProcess("help", "demo").ExitCode);
    }

    private static void AssertUsage(string[] args, string expected)
    {
        CliRun run = CliRun.InProcess(args);
        Assert.AreEqual(2, run.ExitCode, string.Join(" ", args) + ": " + run.Error);
        StringAssert.Contains(run.Error, expected);
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(content));
        return path;
    }

    private static JsonElement Find(JsonElement readings, string obis)
    {
        foreach (JsonElement reading in readings.EnumerateArray())
        {
            if (reading.GetProperty("obis").GetString() == obis)
            {
                return reading;
            }
        }

        throw new AssertFailedException("no reading " + obis);
    }

    private static int CountProperties(JsonElement element)
    {
        int count = 0;
        foreach (JsonProperty unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }
}
