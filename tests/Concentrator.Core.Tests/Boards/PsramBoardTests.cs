using Concentrator.Core.Boards;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Boards
{
    /// <summary>
    /// The PSRAM boards: their pins stay off GPIO 16/17 (the check refuses them even where the profile forgot to reserve
    /// them), the heap they give, and the heap guidance that tells an installer which board a configuration needs.
    /// </summary>
    [TestClass]
    public class PsramBoardTests
    {
        [TestMethod]
        public void The_WROVER_boards_have_PSRAM_and_a_PSRAM_image_and_the_WROOM_boards_have_neither()
        {
            Assert.AreEqual(8, BoardProfiles.DevKitCWrover().PsramMegabytes);
            Assert.AreEqual("ESP32_PSRAM_REV3", BoardProfiles.DevKitCWrover().NanoFrameworkTarget);
            Assert.AreEqual(8, BoardProfiles.OlimexPoeWrover().PsramMegabytes);
            Assert.AreEqual("ESP32_OLIMEX_WROVER", BoardProfiles.OlimexPoeWrover().NanoFrameworkTarget);
            Assert.AreEqual((byte)BoardNetwork.Ethernet, (byte)BoardProfiles.OlimexPoeWrover().Network);
            Assert.IsFalse(BoardProfiles.DevKitC().HasPsram);
            Assert.IsFalse(BoardProfiles.OlimexPoe().HasPsram);
        }

        [TestMethod]
        [DataRow(16)]
        [DataRow(17)]
        public void A_PSRAM_pin_is_refused_on_a_PSRAM_board_even_when_the_profile_does_not_reserve_it(int pin)
        {
            BoardProfile p = new BoardProfile("bare-wrover", "test", BoardNetwork.Wifi, "ESP32_PSRAM_REV3");
            p.PsramMegabytes = 4;
            p.WithUart(UartRole.Rs485, 3);
            p.WithPin(BoardFunction.Rs485Tx, 19).WithPin(BoardFunction.Rs485Rx, 18).WithPin(BoardFunction.Rs485DriverEnable, pin);
            string problem;
            Assert.AreEqual((byte)BoardCheckStatus.PinReserved, (byte)BoardProfileCheck.Check(p, out problem));
            Assert.AreEqual("bare-wrover: RS485_DE on GPIO" + pin.ToString() + ": GPIO 16 and 17 drive the module's PSRAM", problem);

            p.PsramMegabytes = 0;
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)BoardProfileCheck.Check(p, out problem), "without PSRAM GPIO" + pin.ToString() + " is free: " + problem);
        }

        [TestMethod]
        public void The_Olimex_WROVER_keeps_the_PHY_clock_on_GPIO0_and_PSRAM_on_16_and_17()
        {
            BoardProfile p = BoardProfiles.OlimexPoeWrover();
            Assert.AreEqual((byte)PinReservation.Ethernet, (byte)p.Reservation(0));
            Assert.AreEqual((byte)PinReservation.Ethernet, (byte)p.Reservation(12));
            Assert.AreEqual((byte)PinReservation.Psram, (byte)p.Reservation(16));
            Assert.AreEqual((byte)PinReservation.Psram, (byte)p.Reservation(17));
            Assert.AreEqual(32, p.Pin(BoardFunction.P1Tx));
        }

        [TestMethod]
        public void A_board_without_PSRAM_gives_90_KiB_and_the_app_60_KiB()
        {
            Assert.AreEqual(90 * 1024, BoardProfiles.DevKitC().ManagedHeapBytes);
            Assert.AreEqual(60 * 1024, BoardMemory.AppBudgetBytes(BoardProfiles.OlimexPoe()));
        }

        [TestMethod]
        [DataRow(2, 1)]
        [DataRow(4, 3)]
        [DataRow(8, 3)]
        public void PSRAM_beyond_the_4_MiB_the_ESP32_maps_adds_no_heap(int psramMegabytes, int heapMegabytes)
        {
            Assert.AreEqual(heapMegabytes * 1024 * 1024, BoardMemory.ManagedHeapBytes(psramMegabytes));
        }

        [TestMethod]
        public void P1_alone_fits_every_board()
        {
            BoardProfile[] all = BoardProfiles.All();
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsNull(BoardMemory.Advice(all[i], true, false, false, 0), all[i].Name);
            }

            // The heap model: P1 alone 58.8 KiB (rounded to 0.1 KiB).
            Assert.AreEqual(588, ((BoardMemory.ModelledAppBytes(true, false, false, 0) * 10) + 512) / 1024);
        }

        [TestMethod]
        public void P1_and_31_bus_meters_need_a_PSRAM_board_and_the_warning_says_so()
        {
            // The heap model: P1 + 31 DLMS meters on the bus 157.8 KiB.
            Assert.AreEqual(1578, ((BoardMemory.ModelledAppBytes(true, false, false, 31) * 10) + 512) / 1024);

            string advice = BoardMemory.Advice(BoardProfiles.DevKitC(), true, false, false, 31);
            Assert.IsNotNull(advice);
            Assert.AreEqual(
                "the modelled heap of this configuration, 157 KiB, exceeds the about 60 KiB board devkitc-wifi leaves the app (no PSRAM); "
                + "use a board with PSRAM (devkitc-wrover-wifi, olimex-poe-wrover-eth) or no bus meters; the figures come from a desktop model, not a measurement",
                advice);
            Assert.IsNull(BoardMemory.Advice(BoardProfiles.DevKitCWrover(), true, false, false, 31));
            Assert.IsNull(BoardMemory.Advice(BoardProfiles.OlimexPoeWrover(), true, true, false, 31));
        }

        [TestMethod]
        public void Without_PSRAM_not_one_bus_meter_fits_even_without_P1_and_with_PSRAM_a_full_bus_does()
        {
            // The bus's shared part (36.1 KiB) beside the app's base (27.1 KiB) already exceeds the 60 KiB.
            Assert.AreEqual(-1, BoardMemory.MaxBusMeters(BoardProfiles.DevKitC(), false, false, false));
            string advice = BoardMemory.Advice(BoardProfiles.DevKitC(), false, false, false, 1);
            Assert.IsNotNull(advice);
            Assert.IsTrue(advice.IndexOf("or no bus meters") > 0, advice);

            int most = BoardMemory.MaxBusMeters(BoardProfiles.DevKitCWrover(), true, true, true);
            Assert.IsTrue(most >= 31 * 10, "a PSRAM board holds every port and ten times a full bus: " + most.ToString());
        }

        [TestMethod]
        public void A_PSRAM_board_running_an_image_without_PSRAM_support_is_named_with_the_image_to_flash()
        {
            Assert.IsNull(BoardMemory.ImageProblem(BoardProfiles.DevKitCWrover(), 3000 * 1024));
            Assert.IsNull(BoardMemory.ImageProblem(BoardProfiles.DevKitC(), 80 * 1024));
            Assert.AreEqual(
                "board devkitc-wrover-wifi has 8 MiB PSRAM but the free managed heap is 80 KiB: the firmware image does not use the PSRAM; flash it with nanoff --target ESP32_PSRAM_REV3",
                BoardMemory.ImageProblem(BoardProfiles.DevKitCWrover(), 80 * 1024));
        }

        [TestMethod]
        public void The_start_up_line_states_PSRAM_heap_and_image()
        {
            Assert.AreEqual(
                "PSRAM 8 MiB (4 MiB mapped), managed heap about 3072 KiB, about 3042 KiB of it for the app (derived from nanoFramework's sources, not measured); image ESP32_OLIMEX_WROVER",
                BoardMemory.Describe(BoardProfiles.OlimexPoeWrover()));
            Assert.AreEqual(
                "no PSRAM, managed heap about 90 KiB, about 60 KiB of it for the app (derived from nanoFramework's sources, not measured); image ESP32_REV3",
                BoardMemory.Describe(BoardProfiles.DevKitC()));
        }

        [TestMethod]
        public void A_38_kHz_head_is_refused_on_the_board_without_a_carrier_pin_and_accepted_elsewhere()
        {
            string problem;
            Assert.AreEqual((byte)BoardCheckStatus.NoCarrierPin, (byte)BoardProfileCheck.CheckOpticalHead(BoardProfiles.OlimexPoeWrover(), true, "rmt", out problem));
            Assert.AreEqual("optical.head=rmt needs a carrier pin and board olimex-poe-wrover-eth has none: set optical.head=plain (a plain head) or use another board", problem);
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)BoardProfileCheck.CheckOpticalHead(BoardProfiles.OlimexPoeWrover(), false, "plain", out problem));
            Assert.IsNull(problem);
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)BoardProfileCheck.CheckOpticalHead(BoardProfiles.OlimexPoe(), true, "pwm", out problem));
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)BoardProfileCheck.CheckOpticalHead(BoardProfiles.DevKitCWrover(), true, "rmt", out problem));
        }
    }
}
