using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Concentrator.Core.Boards;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The netlists in <c>hardware/netlists</c> are the wiring's truth: every file is well formed, every board file
    /// matches Core's board profile of the same name pin for pin, and every circuit a board connector mates with finds
    /// each pin it wires connected on the board. Desktop-only because a device cannot read the files (see
    /// <c>hardware/netlists/README.md</c>).
    /// </summary>
    [TestClass]
    public class BoardNetlistTests
    {
        private static readonly Lazy<Dictionary<string, Netlist>> All = new Lazy<Dictionary<string, Netlist>>(LoadAll);

        private static string NetlistDirectory()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "netlists")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "hardware/netlists not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir.FullName, "hardware", "netlists");
        }

        private static Dictionary<string, Netlist> LoadAll()
        {
            return Directory.GetFiles(NetlistDirectory(), "*.net", SearchOption.AllDirectories)
                .Select(Netlist.Load)
                .ToDictionary(n => n.Design ?? n.File);
        }

        private static Netlist BoardFile(BoardProfile profile)
        {
            Netlist board = All.Value.Values.FirstOrDefault(n => n.Profile == profile.Name);
            Assert.IsNotNull(board, "no netlist in hardware/netlists/boards says 'profile " + profile.Name + "'");
            return board;
        }

        [TestMethod]
        public void Every_netlist_is_well_formed()
        {
            Assert.IsTrue(All.Value.Count >= 7, "netlists found: " + All.Value.Count);
            var errors = All.Value.Values.SelectMany(n => n.Errors).ToList();
            Assert.AreEqual(0, errors.Count, string.Join(Environment.NewLine, errors));
        }

        [TestMethod]
        public void The_five_reference_circuits_are_there()
        {
            foreach (string design in new[] { "optical-plain", "optical-38khz-rmt", "optical-38khz-pwm", "p1-cable", "rs485-transceiver" })
            {
                Assert.IsTrue(All.Value.ContainsKey(design), design + ".net is missing");
            }
        }

        [TestMethod]
        public void Every_board_file_names_a_known_profile_and_every_profile_has_one()
        {
            foreach (Netlist board in All.Value.Values.Where(n => n.IsBoard))
            {
                Assert.IsNotNull(BoardProfiles.Find(board.Profile), board.File + ": unknown profile " + board.Profile);
            }

            foreach (BoardProfile profile in BoardProfiles.All())
            {
                BoardFile(profile);
            }
        }

        [TestMethod]
        public void Every_function_pin_of_every_profile_matches_its_netlist()
        {
            var differences = BoardProfiles.All().SelectMany(p => FunctionDifferences(p, BoardFile(p))).ToList();
            Assert.AreEqual(0, differences.Count, string.Join(Environment.NewLine, differences));
        }

        private static List<string> FunctionDifferences(BoardProfile profile, Netlist board)
        {
            var differences = new List<string>();
            for (int f = 0; f < BoardProfile.FunctionCount; f++)
            {
                var function = (BoardFunction)f;
                string name = BoardNames.Of(function);
                int pin = profile.Pin(function);
                board.Nets.TryGetValue(name, out List<string> nodes);
                var gpios = nodes == null ? new List<string>() : nodes.Where(n => n.StartsWith(board.Module + ".GPIO", StringComparison.Ordinal)).ToList();
                string expected = pin < 0 ? "(not fitted)" : board.Module + ".GPIO" + pin;
                string actual = nodes == null ? "(not fitted)" : string.Join(" ", gpios.DefaultIfEmpty("(no module GPIO)"));
                if (expected != actual)
                {
                    differences.Add(profile.Name + " " + name + ": profile " + expected + ", netlist " + actual);
                }
            }

            return differences;
        }

        [TestMethod]
        public void No_other_net_touches_a_module_GPIO()
        {
            var strays = new List<string>();
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                Netlist board = BoardFile(profile);
                foreach (var net in board.Nets)
                {
                    bool touchesGpio = net.Value.Any(n => n.StartsWith(board.Module + ".GPIO", StringComparison.Ordinal));
                    if (touchesGpio && !BoardNames.TryParseFunction(net.Key, out _))
                    {
                        strays.Add(board.File + ": net " + net.Key + " reaches a GPIO but is no board function");
                    }
                }
            }

            Assert.AreEqual(0, strays.Count, string.Join(Environment.NewLine, strays));
        }

        [TestMethod]
        public void UART_assignments_match()
        {
            var differences = new List<string>();
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                Netlist board = BoardFile(profile);
                for (int r = 0; r < BoardProfile.RoleCount; r++)
                {
                    string role = BoardNames.Of((UartRole)r);
                    board.Uarts.TryGetValue(role, out int com);
                    if (com != profile.ComPort((UartRole)r))
                    {
                        differences.Add(profile.Name + " " + role + ": profile COM" + profile.ComPort((UartRole)r) + ", netlist COM" + com);
                    }
                }

                foreach (string role in board.Uarts.Keys)
                {
                    if (!BoardNames.TryParseRole(role, out _))
                    {
                        differences.Add(board.File + ": unknown uart role " + role);
                    }
                }
            }

            Assert.AreEqual(0, differences.Count, string.Join(Environment.NewLine, differences));
        }

        [TestMethod]
        public void Pins_the_board_keeps_for_itself_match()
        {
            var differences = new List<string>();
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                Netlist board = BoardFile(profile);
                for (int pin = 0; pin <= Esp32Pins.MaxGpio; pin++)
                {
                    string expected = profile.Reservation(pin) switch
                    {
                        PinReservation.Psram => "psram",
                        PinReservation.Ethernet => "ethernet",
                        PinReservation.OnBoard => "onboard",
                        PinReservation.None => null,
                        var other => other.ToString(),
                    };
                    board.Keepouts.TryGetValue(pin, out string actual);
                    if (expected != actual)
                    {
                        differences.Add(profile.Name + " GPIO" + pin + ": profile " + (expected ?? "free") + ", netlist " + (actual ?? "free"));
                    }
                }
            }

            Assert.AreEqual(0, differences.Count, string.Join(Environment.NewLine, differences));
        }

        [TestMethod]
        public void Network_target_LED_polarity_and_PSRAM_match()
        {
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                Netlist board = BoardFile(profile);
                Assert.AreEqual(profile.Network == BoardNetwork.Ethernet ? "ethernet" : "wifi", board.Network, profile.Name + " network");
                Assert.AreEqual(profile.NanoFrameworkTarget, board.Target, profile.Name + " nanoff target");
                Assert.AreEqual(profile.LedsActiveLow ? "active-low" : "active-high", board.Leds, profile.Name + " LED polarity");
                Assert.AreEqual(profile.PsramMegabytes, board.PsramMegabytes, profile.Name + " PSRAM (MiB)");
            }
        }

        [TestMethod]
        public void Every_pin_a_mated_circuit_wires_is_wired_on_the_board()
        {
            var missing = new List<string>();
            foreach (Netlist board in All.Value.Values.Where(n => n.IsBoard))
            {
                Assert.IsTrue(board.Connects.Count > 0, board.File + " mates with no circuit");
                foreach (string[] connects in board.Connects)
                {
                    string boardConnector = connects[0];
                    Assert.IsTrue(board.Parts.ContainsKey(boardConnector), board.File + ": connects names undeclared part " + boardConnector);
                    Assert.IsTrue(All.Value.TryGetValue(connects[1], out Netlist circuit), board.File + ": connects names unknown design " + connects[1]);
                    string circuitConnector = connects[2];
                    Assert.IsTrue(circuit.Parts.ContainsKey(circuitConnector), board.File + ": " + connects[1] + " has no part " + circuitConnector);
                    var circuitPins = circuit.Nets.Values.SelectMany(n => n).Where(n => n.StartsWith(circuitConnector + ".", StringComparison.Ordinal));
                    foreach (string pin in circuitPins)
                    {
                        string boardPin = boardConnector + pin.Substring(circuitConnector.Length);
                        if (board.NetOf(boardPin) == null)
                        {
                            missing.Add(board.File + ": " + connects[1] + " wires " + pin + " (net " + circuit.NetOf(pin) + ") but " + boardPin + " is on no net");
                        }
                    }
                }
            }

            Assert.AreEqual(0, missing.Count, string.Join(Environment.NewLine, missing));
        }

        [TestMethod]
        public void A_changed_pin_is_reported_with_both_values()
        {
            // The comparison must fail when profile and netlist disagree: move one pin in a copy of the netlist.
            BoardProfile profile = BoardProfiles.DevKitC();
            string path = Path.Combine(NetlistDirectory(), "boards", BoardFile(profile).File);
            string copy = Path.Combine(Path.GetTempPath(), "devkitc-wifi.net");
            File.WriteAllText(copy, File.ReadAllText(path).Replace("net RS485_DE U1.GPIO21 J3.5", "net RS485_DE U1.GPIO15 J3.5"));
            try
            {
                Netlist changed = Netlist.Load(copy);
                Assert.AreEqual(0, changed.Errors.Count, string.Join("; ", changed.Errors));
                var differences = FunctionDifferences(profile, changed);
                Assert.AreEqual(1, differences.Count, string.Join("; ", differences));
                Assert.AreEqual("devkitc-wifi RS485_DE: profile U1.GPIO21, netlist U1.GPIO15", differences[0]);
            }
            finally
            {
                File.Delete(copy);
            }
        }

        [TestMethod]
        public void A_pin_on_two_nets_is_a_format_error()
        {
            string copy = Path.Combine(Path.GetTempPath(), "p1-cable.net");
            File.WriteAllText(copy, File.ReadAllText(Path.Combine(NetlistDirectory(), "p1-cable.net")).Replace("net DATA J1.5 R1.2 J2.4", "net DATA J1.5 R1.2 J2.4 R8.1"));
            try
            {
                Netlist changed = Netlist.Load(copy);
                Assert.IsTrue(changed.Errors.Contains("p1-cable.net: R8.1 is on nets DATA and DATA_REQUEST"), string.Join("; ", changed.Errors));
            }
            finally
            {
                File.Delete(copy);
            }
        }
    }
}
