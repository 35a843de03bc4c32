using System;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;
using Concentrator.Core.Io;
using Concentrator.Core.Readings;
using Concentrator.Core.Sml;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation;
using Concentrator.Host.Simulation.Sml;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

[TestClass]
public sealed class SimulatedSmlMeterTests
{
    private static readonly DateTime Start = new(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

    private static SmlStatus Decode(SmlFileDecoder decoder, P1Transmission transmission)
    {
        int offset = 0;
        SmlStatus last = SmlStatus.NeedMoreData;
        while (offset < transmission.Length)
        {
            SmlStatus status = decoder.Feed(transmission.Buffer, offset, transmission.Length - offset, out int consumed);
            offset += consumed;
            if (status != SmlStatus.NeedMoreData && status != SmlStatus.GarbageSkipped)
            {
                last = status;
            }
        }

        return last == SmlStatus.NeedMoreData ? decoder.Finish(true) : last;
    }

    [TestMethod]
    public void Pushed_files_decode_with_the_meters_values_and_server_id()
    {
        var meter = new SimulatedSmlMeter(new SimulatedSmlMeterOptions { Seed = 3 }, Start);
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        ulong lastImport = 0;
        for (int i = 1; i <= 5; i++)
        {
            Assert.AreEqual(SmlStatus.FileReady, Decode(decoder, meter.Next(Start.AddSeconds(2 * i))), decoder.LastError.ToString());
            ReadingSet set = decoder.Readings;
            Assert.AreEqual(8, set.Count);
            Assert.AreEqual(meter.Meter.ServerIdHex, set.GetText(set.MeterIdStart, set.MeterIdLength));
            Assert.AreEqual(meter.Meter.SecondIndex, (uint)set.SecondIndex);
            Reading import = Find(set, 1, 8, 0);
            Assert.AreEqual((long)meter.Meter.ImportTenthWh, import.Mantissa);
            Assert.AreEqual(-1, import.Exponent);
            Assert.IsTrue(import.HasStatus);
            Assert.IsTrue(meter.Meter.ImportTenthWh >= lastImport, "the register never runs backwards");
            lastImport = meter.Meter.ImportTenthWh;
            Assert.AreEqual(meter.Meter.PowerW, Find(set, 16, 7, 0).Mantissa);
            Assert.AreEqual(0, import.SignatureLength);
        }
    }

    [TestMethod]
    public void Kermit_meter_is_decoded_and_recognised()
    {
        var meter = new SimulatedSmlMeter(new SimulatedSmlMeterOptions { Kermit = true }, Start);
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        Assert.AreEqual(SmlStatus.FileReady, Decode(decoder, meter.Next(Start)));
        Assert.AreEqual(SmlCrcVariant.Kermit, decoder.LastCrcVariant);
    }

    [TestMethod]
    public void Signed_meter_carries_signatures_and_second_indexes()
    {
        var meter = new SimulatedSmlMeter(new SimulatedSmlMeterOptions { Signed = true }, Start);
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        Assert.AreEqual(SmlStatus.FileReady, Decode(decoder, meter.Next(Start)));
        Reading import = Find(decoder.Readings, 1, 8, 0);
        Assert.AreEqual(2 * SmlFileComposer.SignatureLength, import.SignatureLength);
        Assert.IsTrue(import.HasSecondIndex);
        Assert.AreEqual(32, decoder.Readings.SignatureLength, "16-byte list signature");
    }

    [TestMethod]
    [DataRow("bad-crc:1", SmlStatus.BadFileCrc)]
    [DataRow("truncated:1", SmlStatus.Truncated)]
    public void Faults_are_the_failures_the_decoder_names(string fault, SmlStatus expected)
    {
        Assert.IsTrue(P1FaultRule.TryParse(fault, out P1FaultRule? rule, out _));
        var meter = new SimulatedSmlMeter(new SimulatedSmlMeterOptions { Faults = new[] { rule! } }, Start);
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        SmlStatus status = Decode(decoder, meter.Next(Start));
        Assert.IsTrue(status == expected || (status == SmlStatus.PartialFile && decoder.LastError.Kind == expected), status + ": " + decoder.LastError);
    }

    [TestMethod]
    public void Flipped_bit_is_caught_and_the_rest_of_the_file_kept()
    {
        Assert.IsTrue(P1FaultRule.TryParse("flip-bit:1", out P1FaultRule? rule, out _));
        var meter = new SimulatedSmlMeter(new SimulatedSmlMeterOptions { Faults = new[] { rule! }, Seed = 5 }, Start);
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        int caught = 0;
        for (int i = 0; i < 20; i++)
        {
            SmlStatus status = Decode(decoder, meter.Next(Start.AddSeconds(i)));
            Assert.AreNotEqual(SmlStatus.FileReady, status, "a flipped bit never passes");
            caught++;
        }

        Assert.AreEqual(20, caught);
        Assert.AreEqual(20, decoder.GetCount(SmlStatus.BadFileCrc) + decoder.GetCount(SmlStatus.Malformed) + decoder.GetCount(SmlStatus.BadMessageCrc) + decoder.GetCount(SmlStatus.BadEscape) + decoder.GetCount(SmlStatus.Truncated));
    }

    [TestMethod]
    public void Unsupported_fault_is_refused_with_its_name()
    {
        Assert.IsTrue(P1FaultRule.TryParse("too-long", out P1FaultRule? rule, out _));
        var exception = Assert.ThrowsExactly<ArgumentException>(() => new SimulatedSmlMeterOptions { Faults = new[] { rule! } }.Validate());
        StringAssert.Contains(exception.Message, "too-long");
    }

    [TestMethod]
    public void Push_server_paces_files_at_9600_baud()
    {
        using var server = new SimulatedSmlPushServer(new SimulatedSmlMeterOptions { Interval = TimeSpan.FromSeconds(10) });
        server.Start();
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(3));
        var decoder = new SmlFileDecoder(new SmlDecoderOptions());
        byte[] buffer = new byte[256];
        var clock = Stopwatch.StartNew(); // before connecting: the server starts sending as soon as it accepts
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        int total = 0;
        SmlStatus status = SmlStatus.NeedMoreData;
        while (status != SmlStatus.FileReady && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            if (link.Read(buffer, 0, buffer.Length, 100, out int read) == LinkStatus.Ok)
            {
                int offset = 0;
                while (offset < read && status != SmlStatus.FileReady)
                {
                    status = decoder.Feed(buffer, offset, read - offset, out int consumed);
                    offset += consumed;
                }

                total += read;
            }
        }

        Assert.AreEqual(SmlStatus.FileReady, status);
        double wire = total * 10.0 / 9600; // 8N1: 10 bits a byte
        Assert.IsTrue(clock.Elapsed.TotalSeconds >= wire * 0.9, total + " bytes in " + clock.Elapsed.TotalSeconds + " s; the wire needs " + wire + " s");
        // The server counts a file once its last byte has had its time on the line, a moment after the client has it.
        Assert.IsTrue(Eventually.True(() => server.TelegramsSent == 1, TimeSpan.FromSeconds(3)), "sent " + server.TelegramsSent);
    }

    [TestMethod]
    public void Tcp_meter_answers_core_client_getlist_requests()
    {
        using var server = new SimulatedSmlTcpMeter(new SimulatedSmlMeterOptions { Signed = true });
        server.Start();
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(3));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        var session = new SmlClientSession(link, new SmlFileDecoder(new SmlDecoderOptions()), new SmlClientOptions());
        for (int i = 0; i < 3; i++)
        {
            Assert.AreEqual(SmlClientStatus.Ok, session.ReadList(), session.Decoder.LastError.ToString());
            Assert.AreEqual(8, session.Decoder.Readings.Count);
            Assert.AreEqual(server.Simulated.Meter.ServerIdHex, session.Decoder.Readings.GetText(session.Decoder.Readings.MeterIdStart, session.Decoder.Readings.MeterIdLength));
        }

        Assert.AreEqual(3, server.Requests);
        Assert.IsTrue(Eventually.True(() => server.Answers == 3, TimeSpan.FromSeconds(3)), "answers counted after their last byte is sent: " + server.Answers);
    }

    [TestMethod]
    public void Tcp_meter_that_stays_silent_times_the_client_out()
    {
        Assert.IsTrue(P1FaultRule.TryParse("silence:1", out P1FaultRule? rule, out _));
        using var server = new SimulatedSmlTcpMeter(new SimulatedSmlMeterOptions { Faults = new[] { rule! } });
        server.Start();
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(3));
        Assert.AreEqual(LinkStatus.Ok, link.Connect());
        var session = new SmlClientSession(link, new SmlFileDecoder(new SmlDecoderOptions()), new SmlClientOptions { SilenceTimeoutMilliseconds = 750 });
        var clock = Stopwatch.StartNew();
        Assert.AreEqual(SmlClientStatus.Timeout, session.ReadList());
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(3), "bounded by the silence limit");
    }

    private static Reading Find(ReadingSet set, byte c, byte d, byte e)
    {
        for (int i = 0; i < set.Count; i++)
        {
            if (set[i].Obis.A == 1 && set[i].Obis.HasCde(c, d, e))
            {
                return set[i];
            }
        }

        throw new AssertFailedException("no 1-0:" + c + "." + d + "." + e);
    }
}
