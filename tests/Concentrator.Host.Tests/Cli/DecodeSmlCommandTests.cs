using System;
using System.Text;
using System.Text.Json;
using Concentrator.Core.Tests.Sml;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class DecodeSmlCommandTests
{
    [TestMethod]
    public void Binary_input_gives_one_json_line_per_file_in_the_dsmr_shape()
    {
        byte[] input = Concat(Convert.FromHexString(SmlFiles.EhzFile), Convert.FromHexString(SmlFiles.E750File));

        CliRun run = CliRun.InProcess(input, "decode", "--protocol", "sml", "-");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        Assert.AreEqual(2, lines.Length, run.Output);
        using (JsonDocument first = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = first.RootElement;
            Assert.AreEqual("sml", root.GetProperty("protocol").GetString());
            Assert.IsTrue(root.GetProperty("ok").GetBoolean());
            Assert.AreEqual("0a01454d4800007ac52b", root.GetProperty("meter").GetString());
            JsonElement import = root.GetProperty("readings")[2];
            Assert.AreEqual("1-0:1.8.0*255", import.GetProperty("obis").GetString());
            Assert.AreEqual(1234567.8, import.GetProperty("value").GetDouble());
            Assert.AreEqual("Wh", import.GetProperty("unit").GetString());
            Assert.AreEqual(0x010182, import.GetProperty("status").GetInt32());
        }

        using (JsonDocument second = JsonDocument.Parse(lines[1]))
        {
            JsonElement import = second.RootElement.GetProperty("readings")[0];
            StringAssert.StartsWith(import.GetProperty("signature").GetString(), "a0a1a2");
            Assert.AreEqual(238321, import.GetProperty("second_index").GetInt32());
        }
    }

    [TestMethod]
    public void Hex_input_with_a_bad_file_crc_reports_the_failure_then_the_good_messages()
    {
        string hex = SmlFiles.EhzFile.Substring(0, SmlFiles.EhzFile.Length - 2) + "00";

        CliRun run = CliRun.InProcess(Encoding.ASCII.GetBytes(hex), "decode", "--protocol", "sml", "--hex", "-");

        Assert.AreEqual(1, run.ExitCode, run.Output);
        string[] lines = run.OutputLines;
        Assert.AreEqual(2, lines.Length, run.Output);
        using JsonDocument failure = JsonDocument.Parse(lines[0]);
        Assert.IsFalse(failure.RootElement.GetProperty("ok").GetBoolean());
        StringAssert.Contains(failure.RootElement.GetProperty("error").GetString(), "file CRC mismatch: end sequence says 00C1");
        StringAssert.Contains(failure.RootElement.GetProperty("error").GetString(), "12 reading(s) kept");
        using JsonDocument readings = JsonDocument.Parse(lines[1]);
        Assert.AreEqual(12, readings.RootElement.GetProperty("readings").GetArrayLength());
    }

    [TestMethod]
    public void Input_cut_short_is_a_truncated_file()
    {
        byte[] input = Convert.FromHexString(SmlFiles.EhzFile.Substring(0, 60));

        CliRun run = CliRun.InProcess(input, "decode", "--protocol", "sml", "-");

        Assert.AreEqual(1, run.ExitCode);
        StringAssert.Contains(run.Output, "truncated: file ended after 30 byte(s) without its end sequence (the input ended)");
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        byte[] all = new byte[a.Length + b.Length];
        a.CopyTo(all, 0);
        b.CopyTo(all, a.Length);
        return all;
    }
}
