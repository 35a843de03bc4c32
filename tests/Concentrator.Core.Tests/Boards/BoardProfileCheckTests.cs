using Concentrator.Core.Boards;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Boards
{
    /// <summary>
    /// Every known board profile fits the ESP32 and the drivers, and every rule of the check catches the mistake it
    /// is there for (each bad profile below breaks exactly one rule of an otherwise good one).
    /// </summary>
    [TestClass]
    public class BoardProfileCheckTests
    {
        [TestMethod]
        public void Every_known_profile_passes_the_check()
        {
            BoardProfile[] profiles = BoardProfiles.All();
            Assert.IsTrue(profiles.Length >= 2, "profiles: " + profiles.Length.ToString());
            for (int i = 0; i < profiles.Length; i++)
            {
                string problem;
                BoardCheckStatus status = BoardProfileCheck.Check(profiles[i], out problem);
                Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)status, profiles[i].Name + ": " + problem);
                Assert.IsNull(problem);
            }
        }

        [TestMethod]
        public void Profiles_are_found_by_their_unique_names_and_the_default_exists()
        {
            BoardProfile[] profiles = BoardProfiles.All();
            for (int i = 0; i < profiles.Length; i++)
            {
                BoardProfile found = BoardProfiles.Find(profiles[i].Name);
                Assert.IsNotNull(found, profiles[i].Name);
                Assert.AreEqual(profiles[i].Name, found.Name);
                Assert.IsTrue(BoardProfiles.Names().IndexOf(profiles[i].Name) >= 0, profiles[i].Name + " missing from Names()");
                for (int j = 0; j < i; j++)
                {
                    Assert.AreNotEqual(profiles[j].Name, profiles[i].Name);
                }
            }

            Assert.IsNotNull(BoardProfiles.Find(BoardProfiles.DefaultName));
            Assert.IsNull(BoardProfiles.Find("no-such-board"));
        }

        [TestMethod]
        public void There_is_a_wifi_board_and_an_ethernet_board()
        {
            Assert.AreEqual((byte)BoardNetwork.Wifi, (byte)BoardProfiles.DevKitC().Network);
            Assert.AreEqual((byte)BoardNetwork.Ethernet, (byte)BoardProfiles.OlimexPoe().Network);
        }

        [TestMethod]
        public void Every_profile_offers_the_optical_port_the_RS485_bus_and_P1_with_the_pins_their_drivers_need()
        {
            BoardProfile[] profiles = BoardProfiles.All();
            for (int i = 0; i < profiles.Length; i++)
            {
                BoardProfile p = profiles[i];
                Assert.IsTrue(p.ComPort(UartRole.Optical) >= 2, p.Name + " optical");
                Assert.IsTrue(p.ComPort(UartRole.Rs485) >= 2, p.Name + " rs485");
                Assert.IsTrue(p.ComPort(UartRole.P1) >= 2, p.Name + " p1");

                // The RMT and PWM carrier variants drive their own pin; the demodulated receiver still uses the UART's RX.
                // Only the Olimex WROVER board has none: its PHY clock (GPIO0) and PSRAM (16/17) take the pins (plain heads only).
                if (p.Name != BoardProfiles.OlimexPoeWroverName)
                {
                    Assert.IsTrue(p.Has(BoardFunction.OpticalCarrier), p.Name + " carrier");
                    Assert.IsFalse(Esp32Pins.IsInputOnly(p.Pin(BoardFunction.OpticalCarrier)), p.Name + " carrier on an input-only pin");
                }
                else
                {
                    Assert.IsFalse(p.Has(BoardFunction.OpticalCarrier), p.Name + " has a carrier pin: update the docs that say plain heads only");
                }

                // RS485 mode drives DE/RE from the UART's RTS: an output-capable pin that no strapping function samples.
                int de = p.Pin(BoardFunction.Rs485DriverEnable);
                Assert.IsTrue(Esp32Pins.Exists(de) && !Esp32Pins.IsInputOnly(de) && !Esp32Pins.IsStrapping(de), p.Name + " DE on GPIO" + de.ToString());
                Assert.IsTrue(p.Has(BoardFunction.P1DataRequest), p.Name + " P1 data request");
            }
        }

        [TestMethod]
        public void No_profile_gives_a_role_the_debuggers_COM1_or_more_UARTs_than_the_chip_has()
        {
            BoardProfile[] profiles = BoardProfiles.All();
            for (int i = 0; i < profiles.Length; i++)
            {
                bool[] used = new bool[Esp32Pins.UartCount + 1];
                for (int r = 0; r < BoardProfile.RoleCount; r++)
                {
                    int com = profiles[i].ComPort((UartRole)r);
                    Assert.AreNotEqual(Esp32Pins.DebuggerCom, com, profiles[i].Name + " " + BoardNames.Of((UartRole)r));
                    Assert.IsTrue(com >= 0 && com <= Esp32Pins.UartCount, profiles[i].Name + " COM" + com.ToString());
                    used[com] = true;
                }

                int count = 0;
                for (int c = 1; c < used.Length; c++)
                {
                    count += used[c] ? 1 : 0;
                }

                Assert.IsTrue(count <= Esp32Pins.UartCount - 1, profiles[i].Name + " uses " + count.ToString() + " UARTs besides the debugger's");
            }
        }

        [TestMethod]
        public void The_optical_port_and_the_bus_run_together_on_both_boards()
        {
            BoardProfile[] profiles = BoardProfiles.All();
            for (int i = 0; i < profiles.Length; i++)
            {
                string problem;
                BoardCheckStatus status = BoardProfileCheck.CheckEnabled(profiles[i], new UartRole[] { UartRole.Optical, UartRole.Rs485 }, out problem);
                Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)status, profiles[i].Name + ": " + problem);
            }
        }

        [TestMethod]
        public void The_modem_and_the_bus_run_together_on_the_devkit()
        {
            string problem;
            BoardCheckStatus status = BoardProfileCheck.CheckEnabled(BoardProfiles.DevKitC(), new UartRole[] { UartRole.Modem, UartRole.Rs485 }, out problem);
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)status, problem);
        }

        [TestMethod]
        public void Two_enabled_ports_on_one_UART_are_refused_with_both_names()
        {
            string problem;
            BoardCheckStatus status = BoardProfileCheck.CheckEnabled(BoardProfiles.DevKitC(), new UartRole[] { UartRole.Rs485, UartRole.Optical, UartRole.P1 }, out problem);
            Assert.AreEqual((byte)BoardCheckStatus.UartSharedByEnabledRoles, (byte)status, problem);
            Assert.IsTrue(problem.IndexOf("optical and p1 both need COM2") >= 0, problem);
        }

        [TestMethod]
        public void A_port_the_board_lacks_is_refused()
        {
            string problem;
            BoardCheckStatus status = BoardProfileCheck.CheckEnabled(BoardProfiles.OlimexPoe(), new UartRole[] { UartRole.Modem }, out problem);
            Assert.AreEqual((byte)BoardCheckStatus.RoleNotFitted, (byte)status, problem);
            Assert.IsTrue(problem.IndexOf("modem") >= 0, problem);
        }

        [TestMethod]
        public void A_pin_used_twice_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.ActivityLed, 21);
            ExpectProblem(p, BoardCheckStatus.PinUsedTwice, "LED_ACTIVITY on GPIO21: already used by RS485_DE");
        }

        [TestMethod]
        public void A_transmit_line_on_an_input_only_pin_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.Rs485Tx, 35);
            ExpectProblem(p, BoardCheckStatus.OutputOnInputOnlyPin, "RS485_TX on GPIO35");
        }

        [TestMethod]
        public void The_RS485_driver_enable_on_an_input_only_pin_is_caught()
        {
            BoardProfile p = BoardProfiles.OlimexPoe().WithPin(BoardFunction.Rs485DriverEnable, 35);
            ExpectProblem(p, BoardCheckStatus.OutputOnInputOnlyPin, "RS485_DE on GPIO35");
        }

        [TestMethod]
        public void The_carrier_on_an_input_only_pin_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.OpticalCarrier, 35);
            ExpectProblem(p, BoardCheckStatus.OutputOnInputOnlyPin, "OPTICAL_CARRIER on GPIO35");
        }

        [TestMethod]
        public void A_receive_line_on_an_input_only_pin_is_fine()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.Rs485Rx, 35);
            string problem;
            Assert.AreEqual((byte)BoardCheckStatus.Ok, (byte)BoardProfileCheck.Check(p, out problem), problem);
        }

        [TestMethod]
        [DataRow(6)]
        [DataRow(11)]
        public void A_flash_pin_is_caught(int pin)
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.OpticalTx, pin);
            ExpectProblem(p, BoardCheckStatus.PinReserved, "SPI flash");
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(3)]
        public void The_debugger_UART_pins_are_caught(int pin)
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.OpticalRx, pin);
            ExpectProblem(p, BoardCheckStatus.PinReserved, "UART0");
        }

        [TestMethod]
        [DataRow(23)]
        [DataRow(17)]
        [DataRow(12)]
        public void An_Ethernet_pin_of_the_POE_board_is_caught(int pin)
        {
            BoardProfile p = BoardProfiles.OlimexPoe().WithPin(BoardFunction.Rs485Tx, pin);
            ExpectProblem(p, BoardCheckStatus.PinReserved, "Ethernet PHY");
        }

        [TestMethod]
        public void A_PSRAM_pin_of_the_devkit_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.P1Tx, 16);
            ExpectProblem(p, BoardCheckStatus.PinReserved, "PSRAM");
        }

        [TestMethod]
        [DataRow(0)]
        [DataRow(2)]
        [DataRow(5)]
        [DataRow(12)]
        [DataRow(15)]
        public void A_meter_line_on_a_strapping_pin_is_caught(int pin)
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.P1DataRequest, pin);
            ExpectProblem(p, BoardCheckStatus.LineOnStrappingPin, "P1_REQUEST on GPIO" + pin.ToString());
        }

        [TestMethod]
        [DataRow(20)]
        [DataRow(24)]
        [DataRow(28)]
        [DataRow(40)]
        public void A_pin_the_chip_lacks_is_caught(int pin)
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.StatusLed, pin);
            ExpectProblem(p, BoardCheckStatus.PinDoesNotExist, "GPIO" + pin.ToString());
        }

        [TestMethod]
        public void The_debuggers_COM1_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithUart(UartRole.Rs485, 1);
            ExpectProblem(p, BoardCheckStatus.UartIsDebuggers, "rs485 on COM1");
        }

        [TestMethod]
        public void A_fourth_UART_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithUart(UartRole.Modem, 4);
            ExpectProblem(p, BoardCheckStatus.UartDoesNotExist, "modem on COM4");
        }

        [TestMethod]
        public void RS485_without_its_driver_enable_pin_is_caught()
        {
            BoardProfile p = BoardProfiles.OlimexPoe().WithPin(BoardFunction.Rs485DriverEnable, -1);
            ExpectProblem(p, BoardCheckStatus.RoleIncomplete, "no RS485_DE pin");
        }

        [TestMethod]
        public void P1_without_the_unconnected_TX_the_driver_routes_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.P1Tx, -1);
            ExpectProblem(p, BoardCheckStatus.RoleIncomplete, "no P1_TX pin");
        }

        [TestMethod]
        public void P1_without_the_data_request_pin_is_caught()
        {
            BoardProfile p = BoardProfiles.DevKitC().WithPin(BoardFunction.P1DataRequest, -1);
            ExpectProblem(p, BoardCheckStatus.RoleIncomplete, "no P1_REQUEST pin");
        }

        [TestMethod]
        public void Wired_pins_without_a_UART_are_caught()
        {
            BoardProfile p = BoardProfiles.OlimexPoe().WithPin(BoardFunction.ModemPowerKey, 32).WithPin(BoardFunction.OpticalCarrier, -1);
            ExpectProblem(p, BoardCheckStatus.PinsWithoutUart, "modem has pins but no COM port");
        }

        [TestMethod]
        public void Every_function_and_role_has_a_name_that_parses_back()
        {
            for (int f = 0; f < BoardProfile.FunctionCount; f++)
            {
                BoardFunction parsed;
                Assert.IsTrue(BoardNames.TryParseFunction(BoardNames.Of((BoardFunction)f), out parsed), f.ToString());
                Assert.AreEqual(f, (int)parsed);
            }

            for (int r = 0; r < BoardProfile.RoleCount; r++)
            {
                UartRole parsed;
                Assert.IsTrue(BoardNames.TryParseRole(BoardNames.Of((UartRole)r), out parsed), r.ToString());
                Assert.AreEqual(r, (int)parsed);
            }

            BoardFunction none;
            Assert.IsFalse(BoardNames.TryParseFunction("ETH_MDC", out none));
        }

        private static void ExpectProblem(BoardProfile profile, BoardCheckStatus expected, string expectedText)
        {
            string problem;
            BoardCheckStatus status = BoardProfileCheck.Check(profile, out problem);
            Assert.AreEqual((byte)expected, (byte)status, "status; problem: " + problem);
            Assert.IsNotNull(problem);
            Assert.IsTrue(problem.IndexOf(expectedText) >= 0, "problem text: " + problem);
            Assert.IsTrue(problem.IndexOf(profile.Name) == 0, "names the board: " + problem);
        }
    }
}
