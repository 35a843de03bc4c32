namespace Concentrator.Core.Commands
{
    /// <summary>Command words and their parameter names (case-sensitive, as the manual requires).</summary>
    public static class CommandSyntax
    {
        public const string Header = "MCP";

        public const string PasswordName = "PWD";

        private static readonly string[] Words = { "", "INFO", "CNF", "RESET", "NET", "MQTT", "MADD", "MDEL", "MLIST", "POLL", "DIAG", "CAPT" };

        // Parameters each command takes besides PWD, in reply order.
        private static readonly string[][] Names =
        {
            new string[0],
            new string[0],
            new string[] { "APN", "DUSR", "DPWD", "IP", "PORT", "NPWD", "RINT" },
            new string[0],
            new string[] { "MODE", "SSID", "WPWD", "LIP", "MASK", "GW", "DNS" },
            new string[] { "HOST", "PORT", "USER", "MPWD", "TLS", "PREFIX", "ID" },
            new string[] { "ID", "PORT", "PROTO", "ADDR", "MPWD", "BAUD", "INT", "PRIO", "OBJ" },
            new string[] { "ID" },
            new string[] { "FROM" },
            new string[] { "INT", "ID" },
            new string[] { "ID" },
            new string[] { "ID", "N" },
        };

        public static CommandKind Find(string word)
        {
            for (int i = 1; i < Words.Length; i++)
            {
                if (Words[i] == word)
                {
                    return (CommandKind)i;
                }
            }

            return CommandKind.Unknown;
        }

        public static string Word(CommandKind kind)
        {
            return Words[(int)kind];
        }

        /// <summary>The parameters the command takes besides PWD.</summary>
        public static string[] Parameters(CommandKind kind)
        {
            return Names[(int)kind];
        }

        public static bool Takes(CommandKind kind, string name)
        {
            string[] names = Names[(int)kind];
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
