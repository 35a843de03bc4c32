using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// One parsed netlist file of <c>hardware/netlists</c> (format: <c>hardware/netlists/README.md</c>). Parsing
    /// collects every format error with its line number instead of stopping at the first.
    /// </summary>
    internal sealed class Netlist
    {
        public string File = "";
        public string Design;
        public string Profile;
        public string Network;
        public string Target;
        public string Leds;
        public int PsramMegabytes;
        public string Module;
        public readonly Dictionary<string, string> Parts = new Dictionary<string, string>();
        public readonly HashSet<string> Mechanical = new HashSet<string>();
        public readonly Dictionary<string, List<string>> Nets = new Dictionary<string, List<string>>();
        public readonly HashSet<string> UnconnectedNets = new HashSet<string>();
        public readonly Dictionary<string, int> Uarts = new Dictionary<string, int>();
        public readonly Dictionary<int, string> Keepouts = new Dictionary<int, string>();
        public readonly List<string[]> Connects = new List<string[]>();
        public readonly List<string> Errors = new List<string>();

        public bool IsBoard => Profile != null;

        /// <summary>The net a part pin is on, or null.</summary>
        public string NetOf(string node)
        {
            foreach (var net in Nets)
            {
                if (net.Value.Contains(node))
                {
                    return net.Key;
                }
            }

            return null;
        }

        public static Netlist Load(string path)
        {
            var netlist = new Netlist { File = Path.GetFileName(path) };
            string[] lines = System.IO.File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                netlist.ParseLine(lines[i].Trim(), i + 1);
            }

            netlist.CheckWellFormed(Path.GetFileNameWithoutExtension(path));
            return netlist;
        }

        private void ParseLine(string line, int number)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                return;
            }

            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string where = File + " line " + number + ": ";
            switch (words[0])
            {
                case "design":
                    Expect(words, 2, where);
                    if (Design != null)
                    {
                        Errors.Add(where + "second design statement");
                    }

                    Design = words.ElementAtOrDefault(1);
                    break;
                case "title":
                    break;
                case "part":
                    if (words.Length < 3)
                    {
                        Errors.Add(where + "part needs a reference and a value");
                        break;
                    }

                    if (!Parts.TryAdd(words[1], words[2]))
                    {
                        Errors.Add(where + "part " + words[1] + " declared twice");
                    }

                    break;
                case "mech":
                    if (words.Length < 3 || !Mechanical.Add(words[1]))
                    {
                        Errors.Add(where + "mech needs a new reference and a description");
                    }

                    break;
                case "net":
                    ParseNet(words, where);
                    break;
                case "profile":
                    Expect(words, 2, where);
                    Profile = words.ElementAtOrDefault(1);
                    break;
                case "network":
                    Expect(words, 2, where);
                    Network = words.ElementAtOrDefault(1);
                    break;
                case "target":
                    Expect(words, 2, where);
                    Target = words.ElementAtOrDefault(1);
                    break;
                case "psram":
                    if (words.Length != 3 || words[2] != "MiB" || !int.TryParse(words[1], out int psram) || psram <= 0)
                    {
                        Errors.Add(where + ": expected 'psram <n> MiB' with n above 0");
                    }
                    else
                    {
                        PsramMegabytes = psram;
                    }

                    break;
                case "leds":
                    Expect(words, 2, where);
                    Leds = words.ElementAtOrDefault(1);
                    break;
                case "module":
                    Expect(words, 2, where);
                    Module = words.ElementAtOrDefault(1);
                    break;
                case "uart":
                    if (words.Length != 3 || !words[2].StartsWith("COM", StringComparison.Ordinal) || !int.TryParse(words[2].AsSpan(3), out int com))
                    {
                        Errors.Add(where + "expected: uart <role> COM<n>");
                        break;
                    }

                    if (!Uarts.TryAdd(words[1], com))
                    {
                        Errors.Add(where + "uart " + words[1] + " given twice");
                    }

                    break;
                case "keepout":
                    for (int i = 2; i < words.Length; i++)
                    {
                        if (!int.TryParse(words[i], out int gpio) || !Keepouts.TryAdd(gpio, words[1]))
                        {
                            Errors.Add(where + "keepout pin " + words[i] + " is not a number or given twice");
                        }
                    }

                    break;
                case "connects":
                    Expect(words, 4, where);
                    if (words.Length == 4)
                    {
                        Connects.Add(new[] { words[1], words[2], words[3] });
                    }

                    break;
                default:
                    Errors.Add(where + "unknown statement " + words[0]);
                    break;
            }
        }

        private void ParseNet(string[] words, string where)
        {
            if (words.Length < 3)
            {
                Errors.Add(where + "net needs a name and pins");
                return;
            }

            string name = words[1];
            bool unconnected = words[words.Length - 1] == "nc";
            var nodes = words.Skip(2).Take(words.Length - (unconnected ? 3 : 2)).ToList();
            if (Nets.ContainsKey(name))
            {
                Errors.Add(where + "net " + name + " declared twice");
                return;
            }

            if (nodes.Count < (unconnected ? 1 : 2))
            {
                Errors.Add(where + "net " + name + " has " + nodes.Count + " pin(s); a net joins two or more (or ends with nc)");
            }

            foreach (string node in nodes)
            {
                int dot = node.IndexOf('.');
                if (dot <= 0 || dot == node.Length - 1)
                {
                    Errors.Add(where + node + " is not <part>.<pin>");
                }
            }

            Nets[name] = nodes;
            if (unconnected)
            {
                UnconnectedNets.Add(name);
            }
        }

        private void Expect(string[] words, int count, string where)
        {
            if (words.Length != count)
            {
                Errors.Add(where + words[0] + " takes " + (count - 1) + " argument(s)");
            }
        }

        private void CheckWellFormed(string fileStem)
        {
            if (Design != fileStem)
            {
                Errors.Add(File + ": design is " + (Design ?? "(missing)") + ", expected the file name " + fileStem);
            }

            var seen = new Dictionary<string, string>();
            foreach (var net in Nets)
            {
                foreach (string node in net.Value)
                {
                    string part = node.Split('.')[0];
                    if (!Parts.ContainsKey(part))
                    {
                        Errors.Add(File + ": net " + net.Key + " uses " + node + " of undeclared part " + part);
                    }

                    if (seen.TryGetValue(node, out string other))
                    {
                        Errors.Add(File + ": " + node + " is on nets " + other + " and " + net.Key);
                    }
                    else
                    {
                        seen[node] = net.Key;
                    }
                }
            }

            foreach (string part in Parts.Keys)
            {
                if (!seen.Keys.Any(n => n.StartsWith(part + ".", StringComparison.Ordinal)))
                {
                    Errors.Add(File + ": part " + part + " is on no net");
                }
            }

            if (IsBoard && (Module == null || !Parts.ContainsKey(Module)))
            {
                Errors.Add(File + ": a board file needs a module statement naming a declared part");
            }
        }
    }
}
