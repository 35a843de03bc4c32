using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The installer documentation in <c>hardware/</c> agrees with the netlists: every parts list marked
    /// <c>&lt;!-- parts of netlists/x.net --&gt;</c> gives each part the netlist's value, the two 38 kHz heads use the
    /// same values, every drawing labels its parts with the netlist's values, and every picture or file the pages and netlists point to exists (drawings as SVG and PNG).
    /// </summary>
    [TestClass]
    public class HardwareDocsTests
    {
        private static string HardwareDirectory()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "netlists")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "hardware/ not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir.FullName, "hardware");
        }

        /// <summary>A documented value in the netlist's spelling: "2.2 kΩ" → "2k2", "180 Ω" → "180R", "4.7 µF" → "4u7", "100 nF" → "100nF", else the first word.</summary>
        internal static string NetlistSpelling(string documented)
        {
            string text = Regex.Replace(documented, @"\([^)]*\)", " ").Replace("*", string.Empty).Trim();
            Match ohms = Regex.Match(text, @"^(\d+)(?:\.(\d+))?\s*(k|M)?\s*Ω");
            if (ohms.Success)
            {
                string unit = ohms.Groups[3].Success ? ohms.Groups[3].Value : "R";
                return ohms.Groups[1].Value + (ohms.Groups[2].Success ? unit + ohms.Groups[2].Value : unit);
            }

            Match farads = Regex.Match(text, @"^(\d+)(?:\.(\d+))?\s*(p|n|µ|u)F");
            if (farads.Success)
            {
                string unit = farads.Groups[3].Value == "µ" ? "u" : farads.Groups[3].Value;
                return farads.Groups[2].Success ? farads.Groups[1].Value + unit + farads.Groups[2].Value : farads.Groups[1].Value + unit + "F";
            }

            return text.Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        }

        [TestMethod]
        [DataRow("180 Ω", "180R")]
        [DataRow("10 kΩ (4.7 k-22 k)", "10k")]
        [DataRow("2.2 kΩ", "2k2")]
        [DataRow("1 kΩ (1 k-4.7 k) to **3.3 V**", "1k")]
        [DataRow("100 nF", "100nF")]
        [DataRow("4.7 µF", "4u7")]
        [DataRow("SFH487 (880 nm, 5 mm) or TSAL6200 (940 nm)", "SFH487")]
        [DataRow("MAX3485 (or SP3485), 3.3 V, 1 unit load", "MAX3485")]
        public void Documented_values_are_read_in_the_netlist_spelling(string documented, string expected)
        {
            Assert.AreEqual(expected, NetlistSpelling(documented));
        }

        [TestMethod]
        public void Every_parts_list_gives_the_netlist_values()
        {
            string hardware = HardwareDirectory();
            string[] lines = File.ReadAllLines(Path.Combine(hardware, "README.md"));
            var differences = new List<string>();
            int tables = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                Match marker = Regex.Match(lines[i], @"<!-- parts of (netlists/[\w-]+\.net) -->");
                if (!marker.Success)
                {
                    continue;
                }

                tables++;
                Netlist netlist = Netlist.Load(Path.Combine(hardware, marker.Groups[1].Value));
                int rows = 0;
                for (int j = i + 3; j < lines.Length && lines[j].StartsWith("|", StringComparison.Ordinal); j++)
                {
                    string[] cells = lines[j].Split('|').Select(c => c.Trim()).ToArray();
                    string[] refs = cells[1].Split(',').Select(r => r.Trim()).ToArray();
                    string[] values = Regex.Replace(cells[3], @"\([^)]*\)", " ").Split(',').Select(v => v.Trim()).ToArray();
                    for (int k = 0; k < refs.Length; k++)
                    {
                        string reference = refs[k];
                        if (netlist.Mechanical.Contains(reference) || reference.StartsWith("J", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        rows++;
                        if (!netlist.Parts.TryGetValue(reference, out string expected))
                        {
                            differences.Add(marker.Groups[1].Value + ": the parts list names " + reference + ", the netlist has no such part");
                            continue;
                        }

                        // "R4, R5 | … | 390 Ω": one value for several parts applies to each of them.
                        string documented = values.Length == 1 ? NetlistSpelling(values[0]) : k < values.Length ? NetlistSpelling(values[k]) : "(no value)";
                        if (!string.Equals(documented, expected, StringComparison.OrdinalIgnoreCase))
                        {
                            differences.Add(marker.Groups[1].Value + " " + reference + ": parts list " + documented + ", netlist " + expected);
                        }
                    }
                }

                var listed = new HashSet<string>();
                for (int j = i + 3; j < lines.Length && lines[j].StartsWith("|", StringComparison.Ordinal); j++)
                {
                    foreach (string r in lines[j].Split('|')[1].Split(','))
                    {
                        listed.Add(r.Trim());
                    }
                }

                foreach (string part in netlist.Parts.Keys.Where(p => !p.StartsWith("J", StringComparison.Ordinal) && !listed.Contains(p)))
                {
                    differences.Add(marker.Groups[1].Value + ": part " + part + " is missing from the parts list");
                }

                Assert.IsTrue(rows > 0, marker.Groups[1].Value + ": empty parts list");
            }

            Assert.AreEqual(4, tables, "parts lists marked in hardware/README.md");
            Assert.AreEqual(0, differences.Count, string.Join(Environment.NewLine, differences));
        }

        /// <summary>A netlist value as the drawings print it: "2k2" → "2.2 kΩ", "180R" → "180 Ω", "4u7" → "4.7 µF", "100nF" → "100 nF", part numbers as they are.</summary>
        internal static string DrawingSpelling(string value)
        {
            Match ohms = Regex.Match(value, @"^(\d+)(R|k|M)(\d*)$");
            if (ohms.Success)
            {
                string unit = ohms.Groups[2].Value == "R" ? " Ω" : " " + ohms.Groups[2].Value + "Ω";
                return ohms.Groups[1].Value + (ohms.Groups[3].Length > 0 ? "." + ohms.Groups[3].Value : string.Empty) + unit;
            }

            Match farads = Regex.Match(value, @"^(\d+)(p|n|u)(\d+|F)$");
            if (farads.Success)
            {
                string unit = farads.Groups[2].Value == "u" ? "µ" : farads.Groups[2].Value;
                return farads.Groups[3].Value == "F" ? farads.Groups[1].Value + " " + unit + "F" : farads.Groups[1].Value + "." + farads.Groups[3].Value + " " + unit + "F";
            }

            return value;
        }

        [TestMethod]
        [DataRow("optical-plain", "optical-plain")]
        [DataRow("optical-38khz-rmt", "optical-38khz")]
        [DataRow("optical-38khz-pwm", "optical-38khz")]
        [DataRow("p1-cable", "p1-cable")]
        [DataRow("rs485-transceiver", "rs485-transceiver")]
        public void Every_drawing_labels_each_part_with_the_netlist_value(string design, string drawing)
        {
            string hardware = HardwareDirectory();
            Netlist netlist = Netlist.Load(Path.Combine(hardware, "netlists", design + ".net"));
            string svg = File.ReadAllText(Path.Combine(hardware, "drawings", drawing + ".svg"));
            string[] texts = Regex.Matches(svg, @"<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();
            var problems = new List<string>();
            foreach (var part in netlist.Parts.Where(p => !p.Key.StartsWith("J", StringComparison.Ordinal)))
            {
                string value = DrawingSpelling(part.Value);
                int at = Array.FindIndex(texts, t => Regex.IsMatch(t, @"(^|\s)" + Regex.Escape(part.Key) + @"(\s|$)"));
                if (at < 0)
                {
                    problems.Add(drawing + ".svg has no label " + part.Key);
                }
                else if (!texts[at].Contains(value, StringComparison.Ordinal) && (at + 1 >= texts.Length || !texts[at + 1].Contains(value, StringComparison.Ordinal)))
                {
                    problems.Add(drawing + ".svg labels " + part.Key + " \"" + texts[at] + "\", expected the netlist value " + value);
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join(Environment.NewLine, problems));
        }

        [TestMethod]
        public void Both_38kHz_heads_use_the_same_values_for_the_parts_they_share()
        {
            string netlists = Path.Combine(HardwareDirectory(), "netlists");
            Netlist rmt = Netlist.Load(Path.Combine(netlists, "optical-38khz-rmt.net"));
            Netlist pwm = Netlist.Load(Path.Combine(netlists, "optical-38khz-pwm.net"));
            foreach (var part in rmt.Parts)
            {
                Assert.IsTrue(pwm.Parts.TryGetValue(part.Key, out string value), "the PWM head lacks " + part.Key);
                Assert.AreEqual(part.Value, value, part.Key);
            }
        }

        [TestMethod]
        public void Every_picture_and_file_the_pages_and_netlists_name_exists()
        {
            string hardware = HardwareDirectory();
            var missing = new List<string>();
            foreach (string page in Directory.GetFiles(hardware, "*.md", SearchOption.AllDirectories))
            {
                foreach (Match link in Regex.Matches(File.ReadAllText(page), @"\]\(([^)#\s]+)\)"))
                {
                    string target = link.Groups[1].Value;
                    if (target.StartsWith("http", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    string path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page), target));
                    if (!File.Exists(path) && !Directory.Exists(path))
                    {
                        missing.Add(Path.GetFileName(page) + " links " + target);
                    }
                }
            }

            foreach (string netlist in Directory.GetFiles(Path.Combine(hardware, "netlists"), "*.net", SearchOption.AllDirectories))
            {
                foreach (Match drawing in Regex.Matches(File.ReadAllText(netlist), @"hardware/drawings/([\w-]+)\.svg"))
                {
                    foreach (string extension in new[] { ".svg", ".png" })
                    {
                        string path = Path.Combine(hardware, "drawings", drawing.Groups[1].Value + extension);
                        if (!File.Exists(path))
                        {
                            missing.Add(Path.GetFileName(netlist) + " names " + drawing.Groups[1].Value + extension);
                        }
                    }
                }
            }

            foreach (string svg in Directory.GetFiles(Path.Combine(hardware, "drawings"), "*.svg"))
            {
                if (!File.Exists(Path.ChangeExtension(svg, ".png")))
                {
                    missing.Add(Path.GetFileName(svg) + " has no rendered PNG");
                }
            }

            Assert.AreEqual(0, missing.Count, string.Join(Environment.NewLine, missing));
        }
    }
}
