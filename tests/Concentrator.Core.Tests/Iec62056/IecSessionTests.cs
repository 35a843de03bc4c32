using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Obis;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Iec62056
{
    [TestClass]
    public class IecSessionTests
    {
        private const string Data = "1.8.0(0012345.678*kWh)\r\n2.8.0(0000012.000*kWh)\r\n!\r\n";

        private static IecSession NewSession(ScriptedMeterLink link, ManualClock clock, IecBaudMemory memory)
        {
            return new IecSession(link, clock, IecFrames.NewDecoder(), memory);
        }

        [TestMethod]
        public void Mode_C_readout_switches_to_9600_only_after_the_option_select_has_left_the_line()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006050\r\n", IecFrames.DataMessage(Data),
            });
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();

            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(options), session.LastProblem);
            Assert.AreEqual(9600, session.NegotiatedBaud);
            Assert.AreEqual(1, session.Attempts);
            Assert.AreEqual("/?!\r\n\u0006050\r\n", link.WrittenText);
            Assert.AreEqual(12345678L, DsmrFeed.Find(session.Readings, "1-0:1.8.0").Mantissa);

            // 300 7E1 for the sign-on, then 9600 7E1; the change waits for the 6 option-select bytes (6 × 10 bits at
            // 300 baud = 200 ms) and the settle time.
            Assert.AreEqual(2, link.ConfigureCount);
            Assert.AreEqual(300, link.Configured[0].BaudRate);
            Assert.AreEqual(9600, link.Configured[1].BaudRate);
            Assert.AreEqual(7, (int)link.Configured[1].DataBits);
            Assert.AreEqual((int)LineParity.Even, (int)link.Configured[1].Parity);
            Assert.IsTrue(link.ConfiguredAt[1] >= link.LastWriteTime + 200 + options.SettleMilliseconds,
                "switched at " + link.ConfiguredAt[1].ToString() + " ms, option select written at " + link.LastWriteTime.ToString() + " ms");
        }

        [TestMethod]
        public void Reader_waits_the_reaction_time_before_answering_and_20_ms_for_fast_meters()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/ISk5MT174-0001\r\n"),
                "\u0006050\r\n", IecFrames.DataMessage(Data),
            });
            IecSession session = NewSession(link, clock, null);
            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(new IecSessionOptions()));
            Assert.IsTrue(session.Identification.FastReaction);

            // The identification arrived at 167 ms (5 bytes at 300) + 250 ms reaction; the answer went 20 ms later.
            Assert.AreEqual(166 + 250 + 20, (int)link.LastWriteTime);
        }

        [TestMethod]
        public void Probe_echo_is_removed()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006050\r\n", IecFrames.DataMessage(Data),
            });
            link.Echo = true;
            IecSession session = NewSession(link, clock, null);

            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(new IecSessionOptions()));
            Assert.IsTrue(session.EchoDetected);
        }

        [TestMethod]
        public void Silent_meter_costs_a_bounded_time_is_woken_and_reported()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[0]);
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();

            Assert.AreEqual((int)IecSessionOutcome.NoAnswer, (int)session.Run(options));
            Assert.AreEqual(options.MaxAttempts, session.Attempts);
            Assert.IsTrue(session.ElapsedMilliseconds < 30000, "took " + session.ElapsedMilliseconds.ToString() + " ms");
            Assert.AreEqual("no identification after the sign-on: the meter was silent", session.LastProblem);

            // From the second attempt on, a NUL train (2.2 s at 300 baud = 66 characters) wakes a sleeping battery meter.
            string written = link.WrittenText;
            Assert.AreEqual(0, written.IndexOf("/?!\r\n"));
            int nuls = 0;
            for (int i = 0; i < written.Length; i++)
            {
                if (written[i] == '\u0000')
                {
                    nuls++;
                }
            }

            Assert.AreEqual(66 * (options.MaxAttempts - 1), nuls);
        }

        [TestMethod]
        public void Mode_E_hands_the_link_over_at_the_new_baud_in_8N1()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5\\2ZMD3104407.B32\r\n"),
                "\u0006252\r\n", null,
            });
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();
            options.Request = IecRequest.Hdlc;

            Assert.AreEqual((int)IecSessionOutcome.HandedOver, (int)session.Run(options));
            Assert.AreSame(link, session.Handover.Link);
            Assert.AreEqual(9600, session.Handover.BaudRate);
            Assert.AreEqual("9600 8N1", session.Handover.Line.ToString());
            Assert.AreEqual("LGZ5\\2ZMD3104407.B32", session.Handover.Identification);
            Assert.IsTrue(link.ConfiguredAt[link.ConfigureCount - 1] >= link.LastWriteTime + 200);
        }

        [TestMethod]
        public void Mode_E_requested_of_a_meter_without_it_is_refused_clearly()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[] { "/?!\r\n", Ascii.Bytes("/ABC5meter\r\n") });
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();
            options.Request = IecRequest.Hdlc;

            Assert.AreEqual((int)IecSessionOutcome.NotSupported, (int)session.Run(options));
            Assert.AreEqual("mode E (HDLC) requested, but the identification carries no \\2", session.LastProblem);
        }

        [TestMethod]
        public void Failed_fast_readout_falls_back_a_step_and_the_memory_starts_there_next_time()
        {
            ManualClock clock = new ManualClock();
            byte[] broken = IecFrames.DataMessage(Data);
            broken[broken.Length - 1] ^= 0x21;
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?11620371!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006050\r\n", broken,
                "/?11620371!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006040\r\n", IecFrames.DataMessage(Data),
                "/?11620371!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006040\r\n", IecFrames.DataMessage(Data),
            });
            IecBaudMemory memory = new IecBaudMemory(4);
            IecSession session = NewSession(link, clock, memory);
            IecSessionOptions options = new IecSessionOptions();
            options.Address = "11620371";

            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(options));
            Assert.AreEqual(2, session.Attempts);
            Assert.AreEqual(4800, session.NegotiatedBaud);
            Assert.IsTrue(session.LastProblem.IndexOf("no good readout at 9600 baud: BCC mismatch") == 0, session.LastProblem);
            Assert.AreEqual(4800, memory.Recall("11620371"));

            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(options));
            Assert.AreEqual(1, session.Attempts, "the remembered baud works at the first attempt");
            Assert.IsTrue(link.ScriptDone);
        }

        [TestMethod]
        public void Programming_mode_reads_password_protected_registers_and_signs_off()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006051\r\n", IecFrames.Command("P0", "(11620371)"),
                "\u0001P1\u0002(00000000)\u0003", new byte[] { 0x06 },
                "\u0001R1\u00021.8.1()\u0003", IecFrames.DataMessage("1.8.1(0008345.123*kWh)"),
                "\u0001R1\u0002F.F.0()\u0003", IecFrames.DataMessage("(00000000)"),
                "\u0001B0\u0003", null,
            });
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();
            options.Request = IecRequest.Registers;
            options.Password = "00000000";
            ObisCode t1;
            ObisCode errors;
            ObisCode.TryParse("1.8.1", out t1);
            ObisCode.TryParse("F.F", out errors);
            options.Registers = new ObisCode[] { t1, errors };

            Assert.AreEqual((int)IecSessionOutcome.RegistersRead, (int)session.Run(options));
            Assert.IsTrue(link.ScriptDone, link.WrittenText);
            Assert.AreEqual(2, session.Readings.Count);
            Assert.AreEqual(8345123L, DsmrFeed.Find(session.Readings, "1-0:1.8.1").Mantissa);
            Assert.AreEqual("00000000", DsmrFeed.TextOf(session.Readings, DsmrFeed.Find(session.Readings, "0-0:97.97.0")));
        }

        [TestMethod]
        public void Wrong_password_is_reported_and_the_session_still_signs_off()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006051\r\n", IecFrames.Command("P0", "(11620371)"),
                "\u0001P1\u0002(wrong)\u0003", new byte[] { 0x15 },
                "\u0001B0\u0003", null,
            });
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();
            options.Request = IecRequest.Registers;
            options.Password = "wrong";
            ObisCode t1;
            ObisCode.TryParse("1.8.1", out t1);
            options.Registers = new ObisCode[] { t1 };

            Assert.AreEqual((int)IecSessionOutcome.PasswordRejected, (int)session.Run(options));
            Assert.IsTrue(link.ScriptDone);
            Assert.AreEqual("the meter refused the password (NAK to P1)", session.LastProblem);
        }

        [TestMethod]
        public void Mode_B_switches_without_acknowledgement_and_mode_A_stays_at_300()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", IecFrames.Readout("ABCEmeter", Data),
            });
            IecSession session = NewSession(link, clock, null);
            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(new IecSessionOptions()));
            Assert.AreEqual(9600, session.NegotiatedBaud);
            Assert.AreEqual(9600, link.Configured[link.ConfigureCount - 1].BaudRate);
            Assert.AreEqual("/?!\r\n", link.WrittenText, "mode B: no option select");

            clock = new ManualClock();
            link = new ScriptedMeterLink(clock, new object[] { "/?!\r\n", IecFrames.Readout("ABC:meter", Data) });
            session = NewSession(link, clock, null);
            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(new IecSessionOptions()));
            Assert.AreEqual(300, session.NegotiatedBaud);
            Assert.AreEqual(1, link.ConfigureCount);
        }

        [TestMethod]
        public void Mode_D_listens_at_2400_for_the_pushed_readout()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[0]);
            link.Push(IecFrames.Readout("ABC3push", Data), 5000);
            IecSession session = NewSession(link, clock, null);
            IecSessionOptions options = new IecSessionOptions();
            options.Request = IecRequest.Listen;

            Assert.AreEqual((int)IecSessionOutcome.ReadoutComplete, (int)session.Run(options));
            Assert.AreEqual(0, link.WrittenLength, "mode D sends nothing");
            Assert.AreEqual(2400, link.Configured[0].BaudRate);
            Assert.AreEqual(2, session.Readings.Count);
        }
    }
}
