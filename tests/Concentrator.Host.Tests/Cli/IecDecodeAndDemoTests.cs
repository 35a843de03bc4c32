using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Concentrator.Host.Simulation.Iec;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Cli;

/// <summary><c>decode --protocol iec62056-21</c> (same JSON as DSMR) and <c>demo --optical</c>.</summary>
[TestClass]
public sealed class IecDecodeAndDemoTests
{
    private static byte[] Readout(string identification, string data)
    {
        byte[] body = Encoding.ASCII.GetBytes(data);
        byte bcc = 0x03;
        foreach (byte b in body)
        {
            bcc ^= b;
        }

        return Encoding.ASCII.GetBytes("/" + identification + "\r\n").Concat(new byte[] { 0x02 }).Concat(body).Concat(new byte[] { 0x03, bcc }).ToArray();
    }

    [TestMethod]
    public void Captured_session_decodes_to_the_DSMR_json_shape_and_a_bad_bcc_fails_with_exit_1()
    {
        string data = "F.F(00000000)\r\nC.1.0(50100800)\r\n1.8.0(0012345.678*kWh)\r\n1.6.1(0002.584*kW)(24-11-02 09:15)\r\n!\r\n";
        byte[] good = Readout("LGZ5\\2ZMD3104407.B32", data);
        byte[] bad = (byte[])good.Clone();
        bad[^1] ^= 0x01;
        // A captured session: the reader's request and option select (with echo) around the meter's answers.
        byte[] capture = Encoding.ASCII.GetBytes("/?!\r\n").Concat(good).Concat(new byte[] { 0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A }).Concat(bad).ToArray();

        CliRun run = CliRun.InProcess(capture, "decode", "--protocol", "iec62056-21", "-");

        Assert.AreEqual(1, run.ExitCode, run.Error);
        string[] lines = run.OutputLines;
        Assert.AreEqual(2, lines.Length, run.Output);
        using (JsonDocument first = JsonDocument.Parse(lines[0]))
        {
            JsonElement root = first.RootElement;
            Assert.AreEqual("iec62056-21", root.GetProperty("protocol").GetString());
            Assert.IsTrue(root.GetProperty("ok").GetBoolean());
            Assert.AreEqual("50100800", root.GetProperty("meter").GetString());
            Assert.AreEqual("LGZ5\\2ZMD3104407.B32", root.GetProperty("identification").GetString());
            JsonElement energy = root.GetProperty("readings").EnumerateArray().First(r => r.GetProperty("obis").GetString() == "1-0:1.8.0*255");
            Assert.AreEqual(12345.678, energy.GetProperty("value").GetDouble());
            Assert.AreEqual("kWh", energy.GetProperty("unit").GetString());
            JsonElement demand = root.GetProperty("readings").EnumerateArray().First(r => r.GetProperty("obis").GetString() == "1-0:1.6.1*255");
            Assert.AreEqual("2024-11-02T09:15:00", demand.GetProperty("time").GetString());
        }

        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.IsFalse(second.RootElement.GetProperty("ok").GetBoolean());
        StringAssert.StartsWith(second.RootElement.GetProperty("error").GetString(), "BCC mismatch: block says ");
    }

    [TestMethod]
    public void Simulated_meter_readout_decodes_cleanly()
    {
        var meter = new SimulatedIecMeter(new IecMeterProfile { ReadoutTargetBytes = 2048 }, new DateTime(2024, 11, 21, 12, 0, 0, DateTimeKind.Utc));
        var clock = new VirtualClock();
        var line = new SimulatedIecLine(meter, clock);
        line.Write("/?!\r\n"u8.ToArray(), 0, 5);
        clock.Sleep(2000);
        byte[] buffer = new byte[256];
        line.Read(buffer, 0, 256, 10, out int n);
        string identification = Encoding.ASCII.GetString(buffer, 1, n - 3);
        line.Write([0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A], 0, 6);
        line.Read(buffer, 0, 256, 1000, out _);

        CliRun run = CliRun.InProcess(Encoding.ASCII.GetBytes("/" + identification + "\r\n").Concat(meter.LastReadout).ToArray(), "decode", "--protocol", "iec62056-21", "-");

        Assert.AreEqual(0, run.ExitCode, run.Error + run.Output);
        using JsonDocument result = JsonDocument.Parse(run.OutputLines.Single());
        Assert.IsTrue(result.RootElement.GetProperty("readings").GetArrayLength() > 60);
    }

    [TestMethod]
    public void Demo_with_an_optical_meter_publishes_its_readout()
    {
        // A 2 KB readout at 9600 plus the handshake takes about 4 s; the rest is room for a loaded machine.
        CliRun run = CliRun.InProcess("demo", "--optical", "1", "--dlms", "0", "--duration", "15");

        Assert.AreEqual(0, run.ExitCode, run.Error);
        string? optical = run.OutputLines.FirstOrDefault(l => l.StartsWith("concentrator/demo/meters/optical1/readings ", StringComparison.Ordinal));
        Assert.IsNotNull(optical, run.Error);
        using JsonDocument payload = JsonDocument.Parse(optical.Substring(optical.IndexOf(' ') + 1));
        Assert.AreEqual("iec62056-21", payload.RootElement.GetProperty("protocol").GetString());
        Assert.AreEqual("kWh", payload.RootElement.GetProperty("readings").GetProperty("1-0:1.8.0*255").GetProperty("unit").GetString());
        StringAssert.Contains(run.Error, "optical1: readout of ");
        StringAssert.Contains(run.Error, " at 9600 baud");
    }
}
