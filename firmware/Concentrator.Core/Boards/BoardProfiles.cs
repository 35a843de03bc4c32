namespace Concentrator.Core.Boards
{
    /// <summary>
    /// The boards the firmware knows. Each profile's wiring is drawn in <c>hardware/</c> and listed, net by net, in
    /// <c>hardware/netlists/&lt;name&gt;.net</c>; a desktop test compares the two.
    /// </summary>
    public static class BoardProfiles
    {
        /// <summary>The profile used when the settings name none.</summary>
        public const string DefaultName = DevKitCName;

        /// <summary>Espressif ESP32-DevKitC V4 (ESP32-WROOM-32E; the WROVER-E variant fits too), Wi-Fi.</summary>
        public const string DevKitCName = "devkitc-wifi";

        /// <summary>Olimex ESP32-POE / ESP32-POE-ISO (ESP32-WROOM-32, LAN8720 PHY), wired Ethernet.</summary>
        public const string OlimexPoeName = "olimex-poe-eth";

        /// <summary>Espressif ESP32-DevKitC-VE (ESP32-WROVER-E, 8 MiB PSRAM), Wi-Fi: the devkitc-wifi wiring with a PSRAM image.</summary>
        public const string DevKitCWroverName = "devkitc-wrover-wifi";

        /// <summary>Olimex ESP32-POE-ISO-WROVER (ESP32-WROVER-E, 8 MiB PSRAM, LAN8720 PHY), wired Ethernet.</summary>
        public const string OlimexPoeWroverName = "olimex-poe-wrover-eth";

        /// <summary>Every known profile, freshly built (callers may not change the shared instances: there are none).</summary>
        public static BoardProfile[] All()
        {
            return new BoardProfile[] { DevKitC(), OlimexPoe(), DevKitCWrover(), OlimexPoeWrover() };
        }

        /// <summary>The profile with this name, or null.</summary>
        public static BoardProfile Find(string name)
        {
            if (name == DevKitCName)
            {
                return DevKitC();
            }

            if (name == OlimexPoeName)
            {
                return OlimexPoe();
            }

            if (name == DevKitCWroverName)
            {
                return DevKitCWrover();
            }

            if (name == OlimexPoeWroverName)
            {
                return OlimexPoeWrover();
            }

            return null;
        }

        /// <summary>The names of all profiles, comma separated, for error messages.</summary>
        public static string Names()
        {
            return DevKitCName + ", " + OlimexPoeName + ", " + DevKitCWroverName + ", " + OlimexPoeWroverName;
        }

        /// <summary>
        /// ESP32-DevKitC V4, Wi-Fi. Uses none of GPIO 16/17, so a WROVER module (PSRAM on 16/17) works too, but its image
        /// (ESP32_REV3, built with <c>sdkconfig.default_nopsram_rev3.esp32</c> in nf-interpreter's
        /// <c>targets/ESP32/CMakePresets.json</c>) leaves the PSRAM unused: a WROVER board is <see cref="DevKitCWrover"/>.
        /// COM2 serves the optical port, the P1 port or the GSM modem (one at a time), COM3 the RS485 bus or the SML
        /// head: an optical meter and a bus of 31 meters can be read together, or a modem and the bus.
        /// </summary>
        public static BoardProfile DevKitC()
        {
            BoardProfile profile = new BoardProfile(DevKitCName, "Espressif ESP32-DevKitC V4 (ESP32-WROOM-32E)", BoardNetwork.Wifi, "ESP32_REV3");
            return DevKitCWiring(profile);
        }

        /// <summary>
        /// Olimex ESP32-POE (and -ISO), wired Ethernet with a LAN8720 PHY: RMII on GPIO 19/21/22/25/26/27, MDC 23,
        /// MDIO 18, the 50 MHz reference clock out on GPIO17, PHY power on GPIO12; BUT1 on GPIO34. The SD card slot
        /// (GPIO 2/14/15) is not used. COM2 serves the optical port or the P1 port, COM3 the RS485 bus. There are
        /// not enough free pins for a modem or a second IR head.
        /// </summary>
        public static BoardProfile OlimexPoe()
        {
            BoardProfile profile = new BoardProfile(OlimexPoeName, "Olimex ESP32-POE / ESP32-POE-ISO (ESP32-WROOM-32, LAN8720)", BoardNetwork.Ethernet, "ESP32_OLIMEX");
            profile.Reserve(PinReservation.Ethernet, 12, 17, 18, 19, 21, 22, 23, 25, 26, 27);
            profile.Reserve(PinReservation.OnBoard, 34);
            profile.LedsActiveLow = true;
            profile.WithUart(UartRole.Optical, 2).WithUart(UartRole.P1, 2);
            profile.WithUart(UartRole.Rs485, 3);
            profile.WithPin(BoardFunction.OpticalTx, 4).WithPin(BoardFunction.OpticalRx, 36).WithPin(BoardFunction.OpticalCarrier, 32);
            profile.WithPin(BoardFunction.Rs485Tx, 14).WithPin(BoardFunction.Rs485Rx, 39).WithPin(BoardFunction.Rs485DriverEnable, 13);
            profile.WithPin(BoardFunction.P1Rx, 35).WithPin(BoardFunction.P1Tx, 16).WithPin(BoardFunction.P1DataRequest, 33);
            profile.WithPin(BoardFunction.StatusLed, 5).WithPin(BoardFunction.ActivityLed, 15);
            return profile;
        }

        /// <summary>
        /// Espressif ESP32-DevKitC-VE: the DevKitC V4 with an ESP32-WROVER-E (ECO V3 chip, 8 MiB PSRAM on GPIO 16/17), Wi-Fi.
        /// The same wiring as <see cref="DevKitC"/> (which keeps off 16/17 already), flashed with ESP32_PSRAM_REV3
        /// (nf-interpreter <c>targets/ESP32/CMakePresets.json</c>: <c>sdkconfig.default_rev3.esp32</c>, the PSRAM
        /// configuration; nanoff picks the same name, <c>ESP32_PSRAM_REV3</c>, when it detects PSRAM on a revision 3 chip,
        /// nanoFirmwareFlasher pull request 131). The managed heap then lives in PSRAM (<see cref="BoardMemory"/>).
        /// </summary>
        public static BoardProfile DevKitCWrover()
        {
            BoardProfile profile = new BoardProfile(DevKitCWroverName, "Espressif ESP32-DevKitC-VE (ESP32-WROVER-E, 8 MiB PSRAM)", BoardNetwork.Wifi, "ESP32_PSRAM_REV3");
            profile.PsramMegabytes = 8;
            return DevKitCWiring(profile);
        }

        /// <summary>
        /// Olimex ESP32-POE-ISO-WROVER: the POE board with an ESP32-WROVER-E (8 MiB PSRAM on GPIO 16/17), so the LAN8720's
        /// 50 MHz reference clock comes out on GPIO0 instead of 17 (nf-interpreter preset ESP32_OLIMEX_WROVER:
        /// <c>ETH_RMII_CLK_OUT_GPIO</c> "00", <c>ETH_PHY_RST_GPIO</c> 12); RMII 19/21/22/25/26/27, MDC 23, MDIO 18 as on
        /// the POE; BUT1 on GPIO34. With 0, 16 and 17 gone there is no output pin left for the 38 kHz carrier beside
        /// P1's routed TX: the optical port takes plain heads only (P1's TX moves to GPIO32, the POE's carrier pin).
        /// </summary>
        public static BoardProfile OlimexPoeWrover()
        {
            BoardProfile profile = new BoardProfile(OlimexPoeWroverName, "Olimex ESP32-POE-ISO-WROVER (ESP32-WROVER-E, 8 MiB PSRAM, LAN8720)", BoardNetwork.Ethernet, "ESP32_OLIMEX_WROVER");
            profile.PsramMegabytes = 8;
            profile.Reserve(PinReservation.Psram, 16, 17);
            profile.Reserve(PinReservation.Ethernet, 0, 12, 18, 19, 21, 22, 23, 25, 26, 27);
            profile.Reserve(PinReservation.OnBoard, 34);
            profile.LedsActiveLow = true;
            profile.WithUart(UartRole.Optical, 2).WithUart(UartRole.P1, 2);
            profile.WithUart(UartRole.Rs485, 3);
            profile.WithPin(BoardFunction.OpticalTx, 4).WithPin(BoardFunction.OpticalRx, 36);
            profile.WithPin(BoardFunction.Rs485Tx, 14).WithPin(BoardFunction.Rs485Rx, 39).WithPin(BoardFunction.Rs485DriverEnable, 13);
            profile.WithPin(BoardFunction.P1Rx, 35).WithPin(BoardFunction.P1Tx, 32).WithPin(BoardFunction.P1DataRequest, 33);
            profile.WithPin(BoardFunction.StatusLed, 5).WithPin(BoardFunction.ActivityLed, 15);
            return profile;
        }

        // The DevKitC carrier's wiring, shared by the WROOM and the WROVER DevKitC (GPIO 16/17 kept free for the PSRAM).
        private static BoardProfile DevKitCWiring(BoardProfile profile)
        {
            profile.Reserve(PinReservation.Psram, 16, 17);
            profile.WithUart(UartRole.Optical, 2).WithUart(UartRole.P1, 2).WithUart(UartRole.Modem, 2);
            profile.WithUart(UartRole.Rs485, 3).WithUart(UartRole.SmlPush, 3);
            profile.WithPin(BoardFunction.OpticalTx, 32).WithPin(BoardFunction.OpticalRx, 34).WithPin(BoardFunction.OpticalCarrier, 33);
            profile.WithPin(BoardFunction.Rs485Tx, 19).WithPin(BoardFunction.Rs485Rx, 18).WithPin(BoardFunction.Rs485DriverEnable, 21);
            profile.WithPin(BoardFunction.P1Rx, 26).WithPin(BoardFunction.P1Tx, 27).WithPin(BoardFunction.P1DataRequest, 25);
            profile.WithPin(BoardFunction.SmlRx, 39).WithPin(BoardFunction.SmlTx, 22);
            profile.WithPin(BoardFunction.ModemTx, 4).WithPin(BoardFunction.ModemRx, 36).WithPin(BoardFunction.ModemPowerKey, 23);
            profile.WithPin(BoardFunction.StatusLed, 13).WithPin(BoardFunction.ActivityLed, 14);
            return profile;
        }
    }
}
