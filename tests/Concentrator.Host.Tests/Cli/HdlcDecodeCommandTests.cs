using System.Text;
using System.Text.Json;
using Concentrator.Core.Tests.Hdlc;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

[TestClass]
public sealed class HdlcDecodeCommandTests
{
    [TestMethod]
    public void Frames_and_their_apdus_come_out_as_json_lines()
    {
        string hex = HdlcVectors.SeedSnrm + "\n" + HdlcVectors.KamstrupUa + "\n" + HdlcVectors.KamstrupAare + "\n";
        CliRun run = CliRun.InProcess(Encoding.ASCII.GetBytes(hex), "decode", "--protocol", "hdlc", "--hex", "-");
        Assert.AreEqual(0, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        Assert.AreEqual(3, lines.Length, run.Output);
        using (JsonDocument snrm = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = snrm.RootElement;
            Assert.AreEqual("hdlc", root.GetProperty("protocol").GetString());
            Assert.AreEqual("SNRM", root.GetProperty("type").GetString());
            Assert.AreEqual("1", root.GetProperty("destination").GetString());
            Assert.AreEqual("16", root.GetProperty("source").GetString());
        }

        using (JsonDocument ua = JsonDocument.Parse(lines[1]))
        {
            JsonElement parameters = ua.RootElement.GetProperty("parameters");
            Assert.AreEqual(1010, parameters.GetProperty("max_information_transmit").GetInt32());
            Assert.AreEqual("16/16", ua.RootElement.GetProperty("source").GetString());
        }

        using (JsonDocument aare = JsonDocument.Parse(lines[2]))
        {
            JsonElement root = aare.RootElement;
            Assert.AreEqual("I", root.GetProperty("type").GetString());
            Assert.AreEqual(1, root.GetProperty("receive_sequence").GetInt32());
            Assert.AreEqual("response", root.GetProperty("llc").GetString());
            Assert.IsTrue(root.GetProperty("apdu").GetString()!.StartsWith("61 82 00 32 A1 09 06 07 60 85 74 05 08 01 01"));
        }
    }

    [TestMethod]
    public void Segments_are_joined_and_a_bad_fcs_is_named()
    {
        // Two segments from meter 1/17 to client 16 (built by the encoder the firmware uses), then a damaged copy.
        byte[] buffer = new byte[256];
        var meter = Concentrator.Core.Hdlc.HdlcAddress.Server(1, 17);
        var client = Concentrator.Core.Hdlc.HdlcAddress.Client(16);
        int first = Concentrator.Core.Hdlc.HdlcFrameEncoder.Encode(buffer, 0, client, meter, 0x30, true, new byte[] { 0xE6, 0xE7, 0x00, 0xC4, 0x02 }, 0, 5);
        int second = Concentrator.Core.Hdlc.HdlcFrameEncoder.Encode(buffer, first, client, meter, 0x32, false, new byte[] { 0xC1, 0x00 }, 0, 2);
        byte[] capture = new byte[(first + second) * 2];
        System.Array.Copy(buffer, capture, first + second);
        System.Array.Copy(buffer, 0, capture, first + second, first + second);
        capture[first + second + 12] ^= 0xFF;
        CliRun run = CliRun.InProcess(capture, "decode", "--protocol", "hdlc", "-");
        Assert.AreEqual(1, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        using (JsonDocument joined = JsonDocument.Parse(lines[1]))
        {
            Assert.AreEqual("C4 02 C1 00", joined.RootElement.GetProperty("apdu").GetString());
            Assert.AreEqual(2, joined.RootElement.GetProperty("segments").GetInt32());
        }

        bool named = false;
        foreach (string line in lines)
        {
            named |= line.Contains("\"ok\":false") && line.Contains("mismatch: frame says 0x");
        }

        Assert.IsTrue(named, run.Output);
    }
}
