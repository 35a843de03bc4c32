using System;
using System.Collections.Generic;
using System.Globalization;
using Concentrator.Core.Dsmr;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Host.Links;
using Concentrator.Host.Simulation;
using Concentrator.Host.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation;

/// <summary>Each fault, on telegrams 3 and 6 of 7, produces exactly the failure Core reports for it, and the next telegram decodes.</summary>
[TestClass]
public sealed class SimulatedP1PortFaultTests
{
    private const int Slots = 7;
    private static readonly DateTime Start = new(2024, 2, 14, 18, 0, 0, DateTimeKind.Utc);
    private static readonly DsmrStatus R = DsmrStatus.TelegramReady;

    [TestMethod]
    public void Bad_CRC_is_reported_as_a_CRC_mismatch_and_only_the_CRC_digits_differ()
    {
        Run(P1FaultKind.BadCrc, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, DsmrStatus.BadCrc, R, R, DsmrStatus.BadCrc, R);
        foreach (int n in new[] { 3, 6 })
        {
            Slot slot = slots[n - 1];
            int bang = slot.Sent.IndexOf('!');
            Assert.AreEqual(slot.Clean.Substring(0, bang + 1), slot.Sent.Substring(0, bang + 1), "body unchanged");
            Assert.AreNotEqual(slot.Clean.Substring(bang + 1, 4), slot.Sent.Substring(bang + 1, 4), "CRC changed");
            Report report = reports.Find(r => r.Status == DsmrStatus.BadCrc && r.Number == n)!;
            Assert.AreEqual(int.Parse(slot.Sent.Substring(bang + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), report.Stated, "stated CRC");
            Assert.AreEqual(int.Parse(slot.Clean.Substring(bang + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), report.Found, "computed CRC");
            StringAssert.StartsWith(report.Message, "CRC mismatch: telegram says ");
        }
    }

    [TestMethod]
    public void Flipped_bit_changes_one_bit_of_the_body_and_is_reported_as_a_CRC_mismatch()
    {
        Run(P1FaultKind.FlippedBit, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, DsmrStatus.BadCrc, R, R, DsmrStatus.BadCrc, R);
        foreach (int n in new[] { 3, 6 })
        {
            Slot slot = slots[n - 1];
            Assert.AreEqual(slot.Clean.Length, slot.Sent.Length);
            int bits = 0;
            int bang = slot.Clean.IndexOf('!');
            for (int i = 0; i < slot.Clean.Length; i++)
            {
                int diff = slot.Clean[i] ^ slot.Sent[i];
                if (diff != 0)
                {
                    Assert.IsTrue(i > 0 && i < bang, "the flip is inside the body, at " + i);
                }

                bits += System.Numerics.BitOperations.PopCount((uint)diff);
            }

            Assert.AreEqual(1, bits, "exactly one bit differs");
        }
    }

    [TestMethod]
    public void Truncated_telegram_is_a_prefix_before_the_end_marker_and_reported_truncated()
    {
        Run(P1FaultKind.Truncated, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, DsmrStatus.Truncated, R, R, DsmrStatus.Truncated, R);
        foreach (int n in new[] { 3, 6 })
        {
            Slot slot = slots[n - 1];
            StringAssert.StartsWith(slot.Clean, slot.Sent);
            Assert.IsFalse(slot.Sent.Contains('!'), "cut before the '!'");
            Report report = reports.Find(r => r.Status == DsmrStatus.Truncated && r.Number == n)!;
            Assert.AreEqual(slot.Sent.Length, report.Stated, "bytes received");
            Assert.AreEqual(DsmrTelegramDecoder.TruncatedByNewTelegram, report.Found, "ended by the next telegram's '/'");
        }
    }

    [TestMethod]
    public void Garbage_before_a_telegram_is_reported_with_its_length_and_the_telegram_still_decodes()
    {
        Run(P1FaultKind.Garbage, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, DsmrStatus.GarbageSkipped, R, R, R, DsmrStatus.GarbageSkipped, R, R);
        foreach (int n in new[] { 3, 6 })
        {
            Slot slot = slots[n - 1];
            StringAssert.EndsWith(slot.Sent, slot.Clean);
            int garbage = slot.Sent.Length - slot.Clean.Length;
            Assert.IsTrue(garbage >= SimulatedP1Port.MinGarbage && garbage <= SimulatedP1Port.MaxGarbage);
            Assert.AreEqual(garbage, reports.Find(r => r.Status == DsmrStatus.GarbageSkipped && r.Number == n)!.Stated);
        }
    }

    [TestMethod]
    public void Over_long_telegram_is_reported_too_long_and_the_next_one_decodes()
    {
        Run(P1FaultKind.TooLong, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, DsmrStatus.TooLong, R, R, DsmrStatus.TooLong, R);
        Assert.IsTrue(slots[2].Sent.Length >= 6000);
        Assert.AreEqual(new DsmrDecoderOptions().MaxTelegramLength, reports.Find(r => r.Status == DsmrStatus.TooLong)!.Found);
    }

    [TestMethod]
    public void Silence_sends_nothing_for_the_silent_period()
    {
        Run(P1FaultKind.Silence, out List<Slot> slots, out List<Report> reports);
        AssertStatuses(reports, R, R, R, R, R);
        Assert.AreEqual(0, slots[2].Sent.Length);
        Assert.AreEqual(TimeSpan.FromSeconds(35), slots[2].Silence);
    }

    [TestMethod]
    public void Silence_over_TCP_is_reported_by_Core_s_P1_reader_and_the_next_telegram_decodes()
    {
        var options = new SimulatedP1PortOptions
        {
            Interval = TimeSpan.FromMilliseconds(100),
            Faults = new[] { P1FaultRule.Every(P1FaultKind.Silence, 3) },
            SilencePeriod = TimeSpan.FromMilliseconds(1500),
        };
        using var server = new SimulatedP1PortServer(options);
        server.Start();
        using var link = new TcpByteLink("127.0.0.1", server.Port, TimeSpan.FromSeconds(2));
        Assert.AreEqual(Core.Io.LinkStatus.Ok, link.Connect());
        var sink = new EventSink();
        var reader = new P1PortReader(link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), sink,
                                      new P1ReaderOptions { ReadTimeoutMilliseconds = 20, SilenceAlarmMilliseconds = 400 });

        // The reader counts silence in read timeouts, so it is polled back to back, as the runner does.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (sink.Events.Count < 4 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            reader.Poll();
        }

        Assert.AreEqual("telegram,telegram,silence,telegram", string.Join(",", sink.Events.GetRange(0, 4)));
        Assert.IsTrue(sink.SilentMilliseconds >= 400, "reported after " + sink.SilentMilliseconds + " ms");
    }

    private static void Run(P1FaultKind kind, out List<Slot> slots, out List<Report> reports)
    {
        var faulty = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 8, Faults = new[] { P1FaultRule.Every(kind, 3) } }, Start);
        var clean = new SimulatedP1Port(new SimulatedP1PortOptions { Seed = 8 }, Start);
        slots = new List<Slot>();
        var stream = new List<byte>();
        var starts = new List<int>();
        for (int n = 1; n <= Slots; n++)
        {
            DateTime time = Start.AddSeconds(10 * n);
            P1Transmission sent = faulty.Next(time);
            P1Transmission reference = clean.Next(time);
            Assert.AreEqual(n, sent.TelegramNumber);
            Assert.AreEqual(n % 3 == 0 ? kind : P1FaultKind.None, sent.Fault);
            slots.Add(new Slot(TelegramText.Of(sent.Buffer, 0, sent.Length), TelegramText.Of(reference.Buffer, 0, reference.Length), sent.Silence));
            starts.Add(stream.Count);
            for (int i = 0; i < sent.Length; i++)
            {
                stream.Add(sent.Buffer[i]);
            }
        }

        // A report belongs to the last slot whose first byte the decoder has consumed (a truncation is found at the
        // next slot's '/', which is not consumed).
        var found = new List<Report>();
        var decoder = new DsmrTelegramDecoder(new DsmrDecoderOptions());
        byte[] data = stream.ToArray();
        int position = 0;
        while (position < data.Length)
        {
            DsmrStatus status = decoder.Feed(data, position, Math.Min(64, data.Length - position), out int consumed);
            position += consumed;
            if (status != DsmrStatus.NeedMoreData)
            {
                int number = 0;
                while (number < starts.Count && starts[number] < position)
                {
                    number++;
                }

                DsmrError error = decoder.LastError;
                found.Add(new Report(status, number, error.Expected, error.Actual, status == R ? string.Empty : error.ToString()));
            }
        }

        DsmrStatus end = decoder.Finish(true);
        Assert.AreEqual(DsmrStatus.NeedMoreData, end, "the stream ends cleanly after telegram " + Slots);
        reports = found;
    }

    private static void AssertStatuses(List<Report> reports, params DsmrStatus[] expected)
    {
        CollectionAssert.AreEqual(expected, reports.ConvertAll(r => r.Status), string.Join(", ", reports.ConvertAll(r => r.Status + " " + r.Message)));
    }

    private sealed record Slot(string Sent, string Clean, TimeSpan Silence);

    private sealed record Report(DsmrStatus Status, int Number, int Stated, int Found, string Message);

    private sealed class EventSink : IP1TelegramSink
    {
        public List<string> Events { get; } = new();

        public int SilentMilliseconds { get; private set; }

        public void OnTelegram(ReadingSet readings) => Events.Add("telegram");

        public void OnFailure(DsmrError error) => Events.Add("failure: " + error);

        public void OnSilence(int silentMilliseconds)
        {
            SilentMilliseconds = silentMilliseconds;
            Events.Add("silence");
        }
    }
}
