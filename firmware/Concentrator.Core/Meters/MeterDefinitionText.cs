using Concentrator.Core.Configuration;

namespace Concentrator.Core.Meters
{
    /// <summary>
    /// A <see cref="MeterDefinition"/> as <c>NAME=value</c> parameters, the same words in the settings file
    /// (<c>meter=ID=bus-07 PORT=485 PROTO=HDLC ADDR=1/1234</c>) and in the <c>MCP MADD</c> text command:
    /// ID, PORT (OPTO, 485, P1, SML, TCP), PROTO (DSMR, IEC, HDLC, WRAP, SML), ADDR, MPWD (secret), BAUD, INT, PRIO, OBJ.
    /// </summary>
    public static class MeterDefinitionText
    {
        /// <summary>How many parameters a meter has at most.</summary>
        public const int ParameterCount = 9;

        public const int MaxBaud = 115200;

        /// <summary>Longest poll interval: one day.</summary>
        public const int MaxIntervalSeconds = 86400;

        /// <summary>Sets one parameter; <paramref name="expected"/> says what a good value looks like when it is not.</summary>
        public static SettingResult Apply(MeterDefinition meter, string name, string value, out string expected)
        {
            expected = null;
            int number;
            if (name == "ID")
            {
                expected = "letters, digits, '-', '_' or '.', 1 to 32 characters";
                if (!ConfigValues.IsName(value))
                {
                    return SettingResult.BadValue;
                }

                meter.Id = value;
            }
            else if (name == "PORT")
            {
                expected = "OPTO, 485, P1, SML or TCP";
                MeterPort port;
                if (!TryParsePort(value, out port))
                {
                    return SettingResult.BadValue;
                }

                meter.Port = port;
            }
            else if (name == "PROTO")
            {
                expected = "DSMR, IEC, HDLC, WRAP or SML";
                MeterProtocol protocol;
                if (!TryParseProtocol(value, out protocol))
                {
                    return SettingResult.BadValue;
                }

                meter.Protocol = protocol;
            }
            else if (name == "ADDR")
            {
                expected = "printable text without spaces, at most 64 characters";
                if (!ConfigValues.IsText(value, true, false))
                {
                    return SettingResult.BadValue;
                }

                meter.Address = value;
            }
            else if (name == "MPWD")
            {
                expected = "printable text without spaces, at most 64 characters";
                if (!ConfigValues.IsText(value, true, false))
                {
                    return SettingResult.BadValue;
                }

                meter.Password = value;
            }
            else if (name == "BAUD")
            {
                expected = "0 (no cap) or a baud rate from 300 to 115200";
                if (!ConfigValues.TryParseNumber(value, 0, MaxBaud, out number) || (number != 0 && number < 300))
                {
                    return SettingResult.BadValue;
                }

                meter.BaudCap = number;
            }
            else if (name == "INT")
            {
                expected = "seconds: 0 (the meter pushes) or " + ConfigValues.NumberExpectation(10, MaxIntervalSeconds);
                if (!ConfigValues.TryParseNumber(value, 0, MaxIntervalSeconds, out number) || (number != 0 && number < 10))
                {
                    return SettingResult.BadValue;
                }

                meter.IntervalSeconds = number;
            }
            else if (name == "PRIO")
            {
                expected = ConfigValues.NumberExpectation(0, 9);
                if (!ConfigValues.TryParseNumber(value, 0, 9, out number))
                {
                    return SettingResult.BadValue;
                }

                meter.Priority = (byte)number;
            }
            else if (name == "OBJ")
            {
                expected = "comma-separated OBIS codes without spaces, at most 64 characters";
                if (!ConfigValues.IsText(value, true, false))
                {
                    return SettingResult.BadValue;
                }

                meter.Objects = value;
            }
            else
            {
                return SettingResult.UnknownName;
            }

            expected = null;
            return SettingResult.Ok;
        }

        /// <summary>The meter as parameters, every one written (secrets only when <paramref name="withSecrets"/>, else masked).</summary>
        public static string Format(MeterDefinition meter, bool withSecrets)
        {
            return "ID=" + meter.Id + " PORT=" + PortName(meter.Port) + " PROTO=" + ProtocolName(meter.Protocol)
                + " ADDR=" + Commands.ParameterList.Quote(meter.Address)
                + " MPWD=" + (withSecrets ? Commands.ParameterList.Quote(meter.Password) : ConfigValues.Mask(meter.Password))
                + " BAUD=" + meter.BaudCap.ToString() + " INT=" + meter.IntervalSeconds.ToString()
                + " PRIO=" + meter.Priority.ToString() + " OBJ=" + Commands.ParameterList.Quote(meter.Objects);
        }

        /// <summary>The short form of a meter for lists: <c>id:PORT/PROTO</c>.</summary>
        public static string Summary(MeterDefinition meter)
        {
            return meter.Id + ":" + PortName(meter.Port) + "/" + ProtocolName(meter.Protocol);
        }

        public static MeterDefinition Copy(MeterDefinition meter)
        {
            MeterDefinition copy = new MeterDefinition();
            copy.Id = meter.Id;
            copy.Port = meter.Port;
            copy.Protocol = meter.Protocol;
            copy.Address = meter.Address;
            copy.Password = meter.Password;
            copy.BaudCap = meter.BaudCap;
            copy.Objects = meter.Objects;
            copy.IntervalSeconds = meter.IntervalSeconds;
            copy.Priority = meter.Priority;
            return copy;
        }

        public static string PortName(MeterPort port)
        {
            switch (port)
            {
                case MeterPort.Optical:
                    return "OPTO";
                case MeterPort.Rs485:
                    return "485";
                case MeterPort.P1:
                    return "P1";
                case MeterPort.SmlPush:
                    return "SML";
                default:
                    return "TCP";
            }
        }

        public static string ProtocolName(MeterProtocol protocol)
        {
            switch (protocol)
            {
                case MeterProtocol.Dsmr:
                    return "DSMR";
                case MeterProtocol.Iec62056_21:
                    return "IEC";
                case MeterProtocol.DlmsHdlc:
                    return "HDLC";
                case MeterProtocol.DlmsWrapper:
                    return "WRAP";
                default:
                    return "SML";
            }
        }

        public static bool TryParsePort(string text, out MeterPort port)
        {
            for (int i = 0; i <= (int)MeterPort.Tcp; i++)
            {
                if (PortName((MeterPort)i) == text)
                {
                    port = (MeterPort)i;
                    return true;
                }
            }

            port = MeterPort.Optical;
            return false;
        }

        public static bool TryParseProtocol(string text, out MeterProtocol protocol)
        {
            for (int i = 0; i <= (int)MeterProtocol.Sml; i++)
            {
                if (ProtocolName((MeterProtocol)i) == text)
                {
                    protocol = (MeterProtocol)i;
                    return true;
                }
            }

            protocol = MeterProtocol.Dsmr;
            return false;
        }
    }
}
