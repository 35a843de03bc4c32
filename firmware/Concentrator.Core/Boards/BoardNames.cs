namespace Concentrator.Core.Boards
{
    /// <summary>
    /// Names of functions and roles as written in messages and as the net names of the board netlists
    /// (<c>hardware/netlists</c>). nanoFramework keeps no enum names at run time, hence the tables.
    /// </summary>
    public static class BoardNames
    {
        private static readonly string[] FunctionNames =
        {
            "OPTICAL_TX", "OPTICAL_RX", "OPTICAL_CARRIER",
            "RS485_TX", "RS485_RX", "RS485_DE",
            "P1_RX", "P1_TX", "P1_REQUEST",
            "SML_RX", "SML_TX",
            "MODEM_TX", "MODEM_RX", "MODEM_PWRKEY",
            "LED_STATUS", "LED_ACTIVITY",
        };

        private static readonly string[] RoleNames = { "optical", "rs485", "p1", "sml", "modem" };

        private static readonly string[] ReservationNames = { "free", "debugger UART", "SPI flash", "PSRAM", "Ethernet PHY", "on-board use" };

        /// <summary>The net name of a function, e.g. "RS485_DE".</summary>
        public static string Of(BoardFunction function)
        {
            return FunctionNames[(int)function];
        }

        /// <summary>The settings name of a role, e.g. "rs485".</summary>
        public static string Of(UartRole role)
        {
            return RoleNames[(int)role];
        }

        public static string Of(PinReservation reservation)
        {
            return ReservationNames[(int)reservation];
        }

        /// <summary>True and the function when <paramref name="name"/> is a function's net name.</summary>
        public static bool TryParseFunction(string name, out BoardFunction function)
        {
            for (int i = 0; i < FunctionNames.Length; i++)
            {
                if (FunctionNames[i] == name)
                {
                    function = (BoardFunction)i;
                    return true;
                }
            }

            function = BoardFunction.OpticalTx;
            return false;
        }

        /// <summary>True and the role when <paramref name="name"/> is a role's settings name.</summary>
        public static bool TryParseRole(string name, out UartRole role)
        {
            for (int i = 0; i < RoleNames.Length; i++)
            {
                if (RoleNames[i] == name)
                {
                    role = (UartRole)i;
                    return true;
                }
            }

            role = UartRole.Optical;
            return false;
        }
    }
}
