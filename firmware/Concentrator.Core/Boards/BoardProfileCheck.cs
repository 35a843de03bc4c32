namespace Concentrator.Core.Boards
{
    /// <summary>
    /// Proves a <see cref="BoardProfile"/> fits the classic ESP32 and the drivers: every pin exists and is used once,
    /// nothing sits on the flash, the debugger's UART, the PSRAM of a board that has it (GPIO 16/17) or the board's own pins (Ethernet PHY, PSRAM, buttons), driven
    /// lines are on output-capable pins, meter lines avoid the strapping pins, every role has the pins its driver
    /// needs and a COM port other than the debugger's COM1. Run once at start; the first broken rule is reported with
    /// the function, the pin and the reason.
    /// </summary>
    public static class BoardProfileCheck
    {
        /// <summary>Checks the whole profile (every fitted function and role).</summary>
        public static BoardCheckStatus Check(BoardProfile profile, out string problem)
        {
            BoardCheckStatus status = CheckPins(profile, out problem);
            if (status != BoardCheckStatus.Ok)
            {
                return status;
            }

            for (int r = 0; r < BoardProfile.RoleCount; r++)
            {
                status = CheckRole(profile, (UartRole)r, out problem);
                if (status != BoardCheckStatus.Ok)
                {
                    return status;
                }
            }

            problem = null;
            return BoardCheckStatus.Ok;
        }

        /// <summary>
        /// Checks that the roles the settings enable are fitted and can run at the same time: roles that share a COM
        /// port on this board are alternatives, so two of them enabled together overrun the UART budget.
        /// </summary>
        public static BoardCheckStatus CheckEnabled(BoardProfile profile, UartRole[] enabled, out string problem)
        {
            for (int i = 0; i < enabled.Length; i++)
            {
                int com = profile.ComPort(enabled[i]);
                if (com == 0)
                {
                    problem = BoardNames.Of(enabled[i]) + " is enabled but board " + profile.Name + " has no " + BoardNames.Of(enabled[i]) + " port";
                    return BoardCheckStatus.RoleNotFitted;
                }

                for (int j = 0; j < i; j++)
                {
                    if (enabled[j] != enabled[i] && profile.ComPort(enabled[j]) == com)
                    {
                        problem = BoardNames.Of(enabled[j]) + " and " + BoardNames.Of(enabled[i]) + " both need COM" + com.ToString()
                            + " on board " + profile.Name + "; enable only one of them (the ESP32 has " + Esp32Pins.UartCount.ToString()
                            + " UARTs and COM" + Esp32Pins.DebuggerCom.ToString() + " carries the debugger)";
                        return BoardCheckStatus.UartSharedByEnabledRoles;
                    }
                }
            }

            problem = null;
            return BoardCheckStatus.Ok;
        }

        /// <summary>
        /// Checks that the optical head the settings choose fits the board: a 38 kHz head (<paramref name="modulatedHead"/>,
        /// RMT or PWM carrier) drives its own carrier pin, which a board may lack (olimex-poe-wrover-eth: plain heads only).
        /// </summary>
        public static BoardCheckStatus CheckOpticalHead(BoardProfile profile, bool modulatedHead, string headName, out string problem)
        {
            if (modulatedHead && !profile.Has(BoardFunction.OpticalCarrier))
            {
                problem = "optical.head=" + headName + " needs a carrier pin and board " + profile.Name
                    + " has none: set optical.head=plain (a plain head) or use another board";
                return BoardCheckStatus.NoCarrierPin;
            }

            problem = null;
            return BoardCheckStatus.Ok;
        }

        /// <summary>True for functions that drive their pin.</summary>
        public static bool DrivesPin(BoardFunction function)
        {
            switch (function)
            {
                case BoardFunction.OpticalRx:
                case BoardFunction.Rs485Rx:
                case BoardFunction.P1Rx:
                case BoardFunction.SmlRx:
                case BoardFunction.ModemRx:
                    return false;
                default:
                    return true;
            }
        }

        /// <summary>True for the LEDs, the only functions allowed on strapping pins.</summary>
        public static bool IsLed(BoardFunction function)
        {
            return function == BoardFunction.StatusLed || function == BoardFunction.ActivityLed;
        }

        private static BoardCheckStatus CheckPins(BoardProfile profile, out string problem)
        {
            for (int f = 0; f < BoardProfile.FunctionCount; f++)
            {
                BoardFunction function = (BoardFunction)f;
                int pin = profile.Pin(function);
                if (pin < 0)
                {
                    continue;
                }

                string where = profile.Name + ": " + BoardNames.Of(function) + " on GPIO" + pin.ToString();
                if (!Esp32Pins.Exists(pin))
                {
                    problem = where + ": the ESP32 has no such GPIO";
                    return BoardCheckStatus.PinDoesNotExist;
                }

                for (int g = 0; g < f; g++)
                {
                    if (profile.Pin((BoardFunction)g) == pin)
                    {
                        problem = where + ": already used by " + BoardNames.Of((BoardFunction)g);
                        return BoardCheckStatus.PinUsedTwice;
                    }
                }

                if (Esp32Pins.IsFlash(pin))
                {
                    problem = where + ": GPIO 6-11 belong to the SPI flash";
                    return BoardCheckStatus.PinReserved;
                }

                if (Esp32Pins.IsDebuggerUart(pin))
                {
                    problem = where + ": GPIO 1 and 3 are UART0, the debugger's link";
                    return BoardCheckStatus.PinReserved;
                }

                if (profile.HasPsram && Esp32Pins.IsPsram(pin))
                {
                    problem = where + ": GPIO 16 and 17 drive the module's PSRAM";
                    return BoardCheckStatus.PinReserved;
                }

                PinReservation reservation = profile.Reservation(pin);
                if (reservation != PinReservation.None)
                {
                    problem = where + ": the board uses this pin for its " + BoardNames.Of(reservation);
                    return BoardCheckStatus.PinReserved;
                }

                if (DrivesPin(function) && Esp32Pins.IsInputOnly(pin))
                {
                    problem = where + ": GPIO 34-39 are inputs only and cannot drive a line";
                    return BoardCheckStatus.OutputOnInputOnlyPin;
                }

                if (!IsLed(function) && Esp32Pins.IsStrapping(pin))
                {
                    problem = where + ": strapping pin; a line pulled at reset can stop the board from booting";
                    return BoardCheckStatus.LineOnStrappingPin;
                }
            }

            problem = null;
            return BoardCheckStatus.Ok;
        }

        private static BoardCheckStatus CheckRole(BoardProfile profile, UartRole role, out string problem)
        {
            BoardFunction tx;
            BoardFunction rx;
            TxRx(role, out tx, out rx);
            int com = profile.ComPort(role);
            string name = profile.Name + ": " + BoardNames.Of(role);
            if (com == 0)
            {
                if (profile.Has(tx) || profile.Has(rx) || (role == UartRole.Rs485 && profile.Has(BoardFunction.Rs485DriverEnable))
                    || (role == UartRole.Optical && profile.Has(BoardFunction.OpticalCarrier))
                    || (role == UartRole.P1 && profile.Has(BoardFunction.P1DataRequest))
                    || (role == UartRole.Modem && profile.Has(BoardFunction.ModemPowerKey)))
                {
                    problem = name + " has pins but no COM port";
                    return BoardCheckStatus.PinsWithoutUart;
                }

                problem = null;
                return BoardCheckStatus.Ok;
            }

            if (com == Esp32Pins.DebuggerCom)
            {
                problem = name + " on COM" + com.ToString() + ": that UART carries the debugger";
                return BoardCheckStatus.UartIsDebuggers;
            }

            if (com > Esp32Pins.UartCount)
            {
                problem = name + " on COM" + com.ToString() + ": the ESP32 has COM1 to COM" + Esp32Pins.UartCount.ToString();
                return BoardCheckStatus.UartDoesNotExist;
            }

            // The ESP32 driver opens a UART only when both TX and RX are routed, even for receive-only ports.
            BoardFunction missing;
            if (!profile.Has(tx))
            {
                missing = tx;
            }
            else if (!profile.Has(rx))
            {
                missing = rx;
            }
            else if (role == UartRole.Rs485 && !profile.Has(BoardFunction.Rs485DriverEnable))
            {
                missing = BoardFunction.Rs485DriverEnable;
            }
            else if (role == UartRole.P1 && !profile.Has(BoardFunction.P1DataRequest))
            {
                missing = BoardFunction.P1DataRequest;
            }
            else
            {
                problem = null;
                return BoardCheckStatus.Ok;
            }

            problem = name + " on COM" + com.ToString() + " has no " + BoardNames.Of(missing) + " pin";
            return BoardCheckStatus.RoleIncomplete;
        }

        private static void TxRx(UartRole role, out BoardFunction tx, out BoardFunction rx)
        {
            switch (role)
            {
                case UartRole.Optical:
                    tx = BoardFunction.OpticalTx;
                    rx = BoardFunction.OpticalRx;
                    break;
                case UartRole.Rs485:
                    tx = BoardFunction.Rs485Tx;
                    rx = BoardFunction.Rs485Rx;
                    break;
                case UartRole.P1:
                    tx = BoardFunction.P1Tx;
                    rx = BoardFunction.P1Rx;
                    break;
                case UartRole.SmlPush:
                    tx = BoardFunction.SmlTx;
                    rx = BoardFunction.SmlRx;
                    break;
                default:
                    tx = BoardFunction.ModemTx;
                    rx = BoardFunction.ModemRx;
                    break;
            }
        }
    }
}
