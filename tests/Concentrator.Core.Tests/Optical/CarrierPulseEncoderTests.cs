using Concentrator.Core.Io;
using Concentrator.Core.Optical;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Optical
{
    [TestClass]
    public class CarrierPulseEncoderTests
    {
        private static string Runs(CarrierPulseEncoder encoder)
        {
            string text = "";
            for (int i = 0; i < encoder.RunCount; i++)
            {
                text += (i > 0 ? " " : "") + (encoder.Carrier[i] ? "on " : "off ") + encoder.Durations[i].ToString();
            }

            return text;
        }

        private static readonly LineSettings SevenE1At300 = new LineSettings(300, 7, LineParity.Even, 1, false);

        [TestMethod]
        public void Slash_at_300_7E1_is_start_bit_data_lsb_first_even_parity_and_stop_bit()
        {
            // '/' = 0x2F: data bits LSB first 1 1 1 1 0 1 0, five ones so the even parity bit is 1, then the stop bit.
            // Slots: 0 | 1 1 1 1 | 0 | 1 | 0 | 1 1  → on 1 slot, off 4, on 1, off 1, on 1, off 2; edges at round(k × 3333.3) µs.
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(64);
            Assert.AreEqual(6, encoder.Encode(new byte[] { 0x2F }, 0, 1, SevenE1At300));
            Assert.AreEqual("on 3333 off 13334 on 3333 off 3333 on 3334 off 6666", Runs(encoder));
            Assert.AreEqual(33333L, encoder.TotalMicroseconds);
        }

        [TestMethod]
        public void Exact_bit_times_at_each_baud()
        {
            // 0x55 in 8N1: 0 1 0 1 0 1 0 1 0 1 — every slot its own run, so the runs are the bare bit times.
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(64);
            encoder.Encode(new byte[] { 0x55 }, 0, 1, new LineSettings(2400, 8, LineParity.None, 1, false));
            Assert.AreEqual("on 417 off 416 on 417 off 417 on 416 off 417 on 417 off 416 on 417 off 417", Runs(encoder));
            Assert.AreEqual(4167L, encoder.TotalMicroseconds);

            encoder.Encode(new byte[] { 0x55 }, 0, 1, new LineSettings(9600, 8, LineParity.None, 1, false));
            Assert.AreEqual("on 104 off 104 on 105 off 104 on 104 off 104 on 104 off 104 on 105 off 104", Runs(encoder));
            Assert.AreEqual(1042L, encoder.TotalMicroseconds);

            encoder.Encode(new byte[] { 0x55 }, 0, 1, new LineSettings(1200, 8, LineParity.None, 1, false));
            Assert.AreEqual("on 833 off 834 on 833 off 833 on 834 off 833 on 833 off 834 on 833 off 833", Runs(encoder));
        }

        [TestMethod]
        public void Characters_back_to_back_merge_stop_and_idle_runs_without_drift()
        {
            // "!\r\n" at 300 7E1: 3 × 11 slots = 33 slots = 110 000 µs exactly, whatever the rounding of single edges.
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(64);
            int runs = encoder.Encode(new byte[] { 0x21, 0x0D, 0x0A }, 0, 3, SevenE1At300);
            Assert.AreEqual(100000L, encoder.TotalMicroseconds, "30 slots of 3333.3 µs");
            long sum = 0;
            for (int i = 0; i < runs; i++)
            {
                sum += encoder.Durations[i];
                if (i > 0)
                {
                    Assert.IsTrue(encoder.Carrier[i] != encoder.Carrier[i - 1], "neighbouring runs alternate");
                }
            }

            Assert.AreEqual(encoder.TotalMicroseconds, sum);
            Assert.IsFalse(encoder.Carrier[runs - 1], "ends dark: the stop bit, then the idle level");
        }

        [TestMethod]
        public void Parity_even_odd_none_and_seven_bits_ignore_bit_7()
        {
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(64);
            // 0x01: one data one → even parity 1 (dark), odd parity 0 (light).
            encoder.Encode(new byte[] { 0x01 }, 0, 1, SevenE1At300);
            Assert.AreEqual("on 3333 off 3334 on 20000 off 6666", Runs(encoder));
            encoder.Encode(new byte[] { 0x01 }, 0, 1, new LineSettings(300, 7, LineParity.Odd, 1, false));
            Assert.AreEqual("on 3333 off 3334 on 23333 off 3333", Runs(encoder));
            encoder.Encode(new byte[] { 0x81 }, 0, 1, SevenE1At300);
            Assert.AreEqual("on 3333 off 3334 on 20000 off 6666", Runs(encoder), "7 data bits: bit 7 is not sent");
        }

        [TestMethod]
        public void Long_runs_are_split_for_the_rmt_and_items_are_packed_little_endian_with_level_in_bit_15()
        {
            // NUL in 8N1 at 300 baud: nine slots of light (30 000 µs) then the stop bit. At 200 baud it would not fit.
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(64);
            encoder.Encode(new byte[] { 0x00 }, 0, 1, new LineSettings(300, 8, LineParity.None, 1, false));
            Assert.AreEqual("on 30000 off 3333", Runs(encoder));
            encoder.Encode(new byte[] { 0x00 }, 0, 1, new LineSettings(200, 8, LineParity.None, 1, false));
            Assert.AreEqual("on 32767 on 12233 off 5000", Runs(encoder));

            byte[] items = new byte[16];
            Assert.AreEqual(8, encoder.WriteRmtItems(items, 0));
            // 32767 = 0x7FFF with level 1 → FF FF; 12233 = 0x2FC9 → C9 AF; 5000 = 0x1388 level 0 → 88 13; end marker 00 00.
            Assert.AreEqual("FF FF C9 AF 88 13 00 00", Hex(items, 8));
            Assert.AreEqual(-1, encoder.WriteRmtItems(new byte[4], 0));
        }

        [TestMethod]
        public void Too_many_characters_are_refused_and_the_receiver_cap_is_2400_at_38_kHz()
        {
            CarrierPulseEncoder encoder = new CarrierPulseEncoder(22);
            Assert.AreEqual(2, encoder.MaxCharacters(SevenE1At300));
            byte[] alternating = new byte[] { 0x55, 0x55, 0x55 };
            Assert.AreEqual(-1, encoder.Encode(alternating, 0, 3, SevenE1At300));
            Assert.AreEqual(0, encoder.RunCount);
            Assert.AreEqual(2400, CarrierPulseEncoder.MaximumBaudForReceiver(38000));
            Assert.AreEqual(4800, CarrierPulseEncoder.MaximumBaudForReceiver(56000));
        }

        private static string Hex(byte[] buffer, int length)
        {
            string text = "";
            for (int i = 0; i < length; i++)
            {
                text += (i > 0 ? " " : "") + buffer[i].ToString("X2");
            }

            return text;
        }
    }
}
