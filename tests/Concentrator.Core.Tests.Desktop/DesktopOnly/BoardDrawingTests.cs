using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Concentrator.Core.Boards;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The board wiring drawings in <c>hardware/drawings</c> show the GPIOs of their profile: every fitted function's GPIO
    /// is labelled, and no GPIO label names a pin the profile does not use for a function (a pin moved in the profile
    /// and not in the drawing shows up here). Boards with the same wiring share a drawing.
    /// </summary>
    [TestClass]
    public class BoardDrawingTests
    {
        /// <summary>The wiring drawing of each profile (the README links the PNG rendered from it).</summary>
        private static readonly Dictionary<string, string> Drawings = new Dictionary<string, string>
        {
            { BoardProfiles.DevKitCName, "wiring-devkitc.svg" },
            { BoardProfiles.DevKitCWroverName, "wiring-devkitc.svg" },
            { BoardProfiles.OlimexPoeName, "wiring-olimex-poe.svg" },
            { BoardProfiles.OlimexPoeWroverName, "wiring-olimex-poe-wrover.svg" },
        };

        private static string DrawingsDirectory()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "drawings")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "hardware/drawings not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir.FullName, "hardware", "drawings");
        }

        [TestMethod]
        public void Every_profile_has_a_wiring_drawing_with_its_PNG()
        {
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                Assert.IsTrue(Drawings.ContainsKey(profile.Name), profile.Name + " has no wiring drawing listed here");
                string svg = Path.Combine(DrawingsDirectory(), Drawings[profile.Name]);
                Assert.IsTrue(File.Exists(svg), svg);
                Assert.IsTrue(File.Exists(Path.ChangeExtension(svg, ".png")), Path.ChangeExtension(svg, ".png"));
            }
        }

        [TestMethod]
        public void Each_drawing_labels_exactly_the_GPIOs_of_its_profiles_functions()
        {
            var differences = new List<string>();
            foreach (BoardProfile profile in BoardProfiles.All())
            {
                differences.AddRange(Differences(profile, File.ReadAllText(Path.Combine(DrawingsDirectory(), Drawings[profile.Name]))));
            }

            Assert.AreEqual(0, differences.Count, string.Join(Environment.NewLine, differences));
        }

        [TestMethod]
        public void A_pin_moved_in_the_profile_but_not_in_the_drawing_is_named()
        {
            BoardProfile moved = BoardProfiles.OlimexPoeWrover().WithPin(BoardFunction.P1Tx, 2);
            string svg = File.ReadAllText(Path.Combine(DrawingsDirectory(), Drawings[moved.Name]));
            List<string> differences = Differences(moved, svg);
            CollectionAssert.AreEquivalent(
                new[] { "olimex-poe-wrover-eth P1_TX: GPIO2 not labelled in wiring-olimex-poe-wrover.svg", "olimex-poe-wrover-eth: wiring-olimex-poe-wrover.svg labels GPIO32, which no function uses" },
                differences);
        }

        private static List<string> Differences(BoardProfile profile, string svg)
        {
            var differences = new List<string>();
            string drawing = Drawings[profile.Name];
            var used = new HashSet<int>();
            for (int f = 0; f < BoardProfile.FunctionCount; f++)
            {
                int pin = profile.Pin((BoardFunction)f);
                if (pin < 0)
                {
                    continue;
                }

                used.Add(pin);
                if (!svg.Contains(">GPIO" + pin + "<", StringComparison.Ordinal))
                {
                    differences.Add(profile.Name + " " + BoardNames.Of((BoardFunction)f) + ": GPIO" + pin + " not labelled in " + drawing);
                }
            }

            foreach (Match label in Regex.Matches(svg, ">GPIO(\\d+)<"))
            {
                int pin = int.Parse(label.Groups[1].Value);
                if (!used.Contains(pin))
                {
                    differences.Add(profile.Name + ": " + drawing + " labels GPIO" + pin + ", which no function uses");
                }
            }

            return differences;
        }
    }
}
