using System;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Host.Simulation.Iec;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Host.Tests.Simulation.Iec;

/// <summary>
/// Core's IEC 62056-21 session against the simulated meter and optical line, in virtual time: every handshake and
/// field failure the issue names, with the bytes paced at the wire rate and garbled where the two ends disagree.
/// </summary>
[TestClass]
public sealed class IecSimulationTests
{
    private static readonly DateTime Start = new(2024, 11, 21, 13, 35, 0, DateTimeKind.Utc);

    private static (IecSession Session, SimulatedIecLine Line, VirtualClock Clock) Setup(IecMeterProfile profile, IecBaudMemory? memory = null)
    {
        var clock = new VirtualClock();
        var meter = new SimulatedIecMeter(profile, Start);
        var line = new SimulatedIecLine(meter, clock);
        var session = new IecSession(line, clock, new IecMessageDecoder(new IecDecoderOptions()), memory);
        return (session, line, clock);
    }

    private static Reading? Find(ReadingSet set, string obis)
    {
        Assert.IsTrue(ObisCode.TryParse(obis, out ObisCode code));
        for (int i = 0; i < set.Count; i++)
        {
            if (set[i].Obis == code)
            {
                return set[i];
            }
        }

        return null;
    }

    [TestMethod]
    public void Mode_C_readout_of_2_KB_at_9600_arrives_at_wire_speed()
    {
        var (session, line, _) = Setup(new IecMeterProfile { ReadoutTargetBytes = 2048 });

        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions()), session.LastProblem);
        Assert.AreEqual(9600, session.NegotiatedBaud);
        Assert.AreEqual(1, session.Attempts);
        Assert.AreEqual(0, line.GarbledCharacters, "the switch happened after the option select had left the line");
        Assert.IsTrue(session.ReadoutBytes >= 1900 && session.ReadoutBytes <= 2100, "readout of " + session.ReadoutBytes + " bytes");
        Assert.IsTrue(session.Readings.Count > 60, session.Readings.Count + " readings");
        Assert.AreEqual(line.Meter.LastReadout.Length, session.ReadoutBytes);

        double wireMilliseconds = session.ReadoutBytes * 10 * 1000.0 / 9600;
        Assert.IsTrue(Math.Abs(session.ReadoutMilliseconds - wireMilliseconds) <= wireMilliseconds * 0.10,
            "readout took " + session.ReadoutMilliseconds + " ms, wire time " + wireMilliseconds.ToString("F0") + " ms");
        Reading total = Find(session.Readings, "1-0:1.8.0")!;
        Assert.AreEqual("kWh", session.Readings.GetText(total.UnitStart, total.UnitLength));
        Assert.AreEqual((line.Meter.Model.ImportedWh(1) + line.Meter.Model.ImportedWh(2)) / 1000.0, total.ToDouble(), 0.001);
    }

    [TestMethod]
    public void Probe_echo_is_removed_on_a_real_line()
    {
        var (session, line, _) = Setup(new IecMeterProfile { HeadEchoes = true });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions()), session.LastProblem);
        Assert.IsTrue(session.EchoDetected);
        Assert.AreEqual(0, line.GarbledCharacters);
    }

    [TestMethod]
    public void Meter_that_ignores_the_baud_switch_is_read_one_step_lower_and_remembered()
    {
        var memory = new IecBaudMemory(8);
        var (session, line, _) = Setup(new IecMeterProfile { Faults = [IecMeterFault.IgnoresBaudSwitch, IecMeterFault.None] }, memory);
        var options = new IecSessionOptions { Address = "11620371" };

        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(options), session.LastProblem);
        Assert.AreEqual(2, session.Attempts);
        Assert.AreEqual(4800, session.NegotiatedBaud);
        Assert.IsTrue(line.GarbledCharacters > 0, "300-baud characters read at 9600 are garbage");
        StringAssert.StartsWith(session.LastProblem, "no good readout at 9600 baud");
        Assert.AreEqual(4800, memory.Recall("11620371"));
    }

    [TestMethod]
    public void Wrong_bcc_and_truncation_are_retried_and_silence_is_bounded()
    {
        var (session, _, _) = Setup(new IecMeterProfile { Faults = [IecMeterFault.WrongBcc, IecMeterFault.Truncation, IecMeterFault.None] });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions()), session.LastProblem);
        Assert.AreEqual(3, session.Attempts);
        Assert.AreEqual(2400, session.NegotiatedBaud, "two failures: two steps down");

        var (silent, _, clock) = Setup(new IecMeterProfile { Faults = [IecMeterFault.Silence] });
        Assert.AreEqual(IecSessionOutcome.NoAnswer, silent.Run(new IecSessionOptions()));
        Assert.IsTrue(clock.NowMilliseconds < 30_000, "a silent meter cost " + clock.NowMilliseconds + " ms");
    }

    [TestMethod]
    public void Battery_meter_answers_after_the_wake_up_train()
    {
        var (session, _, _) = Setup(new IecMeterProfile { BatteryPowered = true });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions()), session.LastProblem);
        Assert.AreEqual(2, session.Attempts, "asleep at the first sign-on, woken for the second");

        var (configured, _, _) = Setup(new IecMeterProfile { BatteryPowered = true });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, configured.Run(new IecSessionOptions { WakeUpMilliseconds = 2200 }));
        Assert.AreEqual(1, configured.Attempts);
    }

    [TestMethod]
    public void Mode_E_handover_leaves_both_ends_at_9600_8N1()
    {
        var (session, line, _) = Setup(new IecMeterProfile());
        Assert.AreEqual(IecSessionOutcome.HandedOver, session.Run(new IecSessionOptions { Request = IecRequest.Hdlc }), session.LastProblem);
        Assert.AreSame(line, session.Handover.Link);
        Assert.AreEqual("9600 8N1", session.Handover.Line.ToString());
        Assert.IsTrue(line.ReaderLine.Equals(line.Meter.Line), "meter " + line.Meter.Line + ", reader " + line.ReaderLine);
    }

    [TestMethod]
    public void Password_protected_registers_need_the_password()
    {
        Assert.IsTrue(ObisCode.TryParse("0.2.1", out ObisCode parameters));
        Assert.IsTrue(ObisCode.TryParse("1.8.0", out ObisCode energy));
        var options = new IecSessionOptions { Request = IecRequest.Registers, Registers = [energy, parameters], Password = "00000000" };

        var (session, _, _) = Setup(new IecMeterProfile());
        Assert.AreEqual(IecSessionOutcome.RegistersRead, session.Run(options), session.LastProblem);
        Assert.AreEqual("P07", session.Readings.GetText(session.Readings[1].TextStart, session.Readings[1].TextLength));
        Assert.AreEqual(ReadingKind.Number, session.Readings[0].Kind);

        var (withoutPassword, _, _) = Setup(new IecMeterProfile());
        options.Password = "";
        Assert.AreEqual(IecSessionOutcome.RegistersRead, withoutPassword.Run(options));
        Reading locked = withoutPassword.Readings[1];
        Assert.AreEqual("ERROR", withoutPassword.Readings.GetText(locked.TextStart, locked.TextLength));

        var (wrong, _, _) = Setup(new IecMeterProfile());
        options.Password = "12345678";
        Assert.AreEqual(IecSessionOutcome.PasswordRejected, wrong.Run(options));
    }

    [TestMethod]
    public void Mode_A_B_and_D_meters()
    {
        var (a, _, _) = Setup(new IecMeterProfile { Mode = 'A', MaximumBaud = 300, Identification = "METER" });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, a.Run(new IecSessionOptions()), a.LastProblem);
        Assert.AreEqual(300, a.NegotiatedBaud);

        var (b, _, _) = Setup(new IecMeterProfile { Mode = 'B', MaximumBaud = 4800, Identification = "METER" });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, b.Run(new IecSessionOptions()), b.LastProblem);
        Assert.AreEqual(4800, b.NegotiatedBaud);

        var (d, _, _) = Setup(new IecMeterProfile { Mode = 'D', Identification = "PUSH" });
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, d.Run(new IecSessionOptions { Request = IecRequest.Listen }), d.LastProblem);
    }

    [TestMethod]
    public void Modulated_port_cap_and_other_meters_on_the_line()
    {
        var (session, _, _) = Setup(new IecMeterProfile());
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions { PortMaximumBaud = 2400 }));
        Assert.AreEqual(2400, session.NegotiatedBaud);

        var (other, _, _) = Setup(new IecMeterProfile());
        Assert.AreEqual(IecSessionOutcome.NoAnswer, other.Run(new IecSessionOptions { Address = "99999999", MaxAttempts = 2 }));

        // A mode B meter switches to 9600 by itself: a 2400-baud port cannot follow, and says so.
        var (modeB, _, _) = Setup(new IecMeterProfile { Mode = 'B', MaximumBaud = 9600, Identification = "METER" });
        IecSessionOutcome modeBOutcome = modeB.Run(new IecSessionOptions { PortMaximumBaud = 2400 });
        Assert.AreEqual(IecSessionOutcome.NotSupported, modeBOutcome, modeB.Identification + " at " + modeB.NegotiatedBaud + " mode " + modeB.Identification.Mode);
        StringAssert.Contains(modeB.LastProblem, "mode B");
    }

    [TestMethod]
    public void Several_meters_on_one_line_are_read_by_address_and_an_unaddressed_request_collides()
    {
        var clock = new VirtualClock();
        var first = new SimulatedIecMeter(new IecMeterProfile { Address = "11620371", Seed = 1 }, Start);
        var second = new SimulatedIecMeter(new IecMeterProfile { Address = "11620372", Seed = 2, Manufacturer = "ISk", Identification = "5MT174" }, Start);
        var line = new SimulatedIecLine(new[] { first, second }, clock);
        var session = new IecSession(line, clock, new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(4));

        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions { Address = "11620372" }), session.LastProblem);
        Assert.IsTrue(session.Identification.IsManufacturer("ISK"));
        Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions { Address = "11620371" }), session.LastProblem);
        Assert.IsTrue(session.Identification.IsManufacturer("LGZ"));
        Assert.AreEqual(0, line.Collisions);

        // "/?!" on a shared line: both answer at once and the answers garble each other.
        Assert.AreNotEqual(IecSessionOutcome.ReadoutComplete, session.Run(new IecSessionOptions { MaxAttempts = 1 }));
        Assert.IsTrue(line.Collisions > 0);
    }

    [TestMethod]
    public void Line_model_reproduces_the_seed_capture_and_a_too_early_switch()
    {
        // The seed: SNRM 7E A0 07 03 21 93 0F 01 7E sent in 7E1 and read back in 8N1 is 7E A0 87 03 21 93 0F 81 7E.
        var clock = new VirtualClock();
        var line = new SimulatedIecLine(new SimulatedIecMeter(new IecMeterProfile { HeadEchoes = true }, Start), clock);
        byte[] snrm = [0x7E, 0xA0, 0x07, 0x03, 0x21, 0x93, 0x0F, 0x01, 0x7E];
        line.Write(snrm, 0, snrm.Length);
        clock.Sleep(400);
        line.Configure(new LineSettings(300, 8, LineParity.None, 1, false));
        byte[] received = new byte[32];
        Assert.AreEqual(LinkStatus.Ok, line.Read(received, 0, received.Length, 100, out int n));
        Assert.AreEqual("7E A0 87 03 21 93 0F 81 7E", Convert.ToHexString(received, 0, n).Aggregate("", (s, c) => s.Length % 3 == 2 ? s + " " + c : s + c).Trim());

        // Switching while the option select is still in the UART: the meter hears garbage and never answers.
        var early = new SimulatedIecLine(new SimulatedIecMeter(new IecMeterProfile(), Start), clock = new VirtualClock());
        early.Write("/?!\r\n"u8.ToArray(), 0, 5);
        clock.Sleep(2000);
        Assert.AreEqual(LinkStatus.Ok, early.Read(received, 0, received.Length, 10, out n));
        Assert.AreEqual("/LGZ5\\2ZMD3104407.B32\r\n", System.Text.Encoding.ASCII.GetString(received, 0, n));
        early.Write([0x06, 0x30, 0x35, 0x30, 0x0D, 0x0A], 0, 6);
        early.Configure(new LineSettings(9600, 7, LineParity.Even, 1, false));
        Assert.AreEqual(LinkStatus.Timeout, early.Read(received, 0, received.Length, 3000, out n));
        Assert.IsTrue(early.GarbledCharacters > 0);
    }
}
