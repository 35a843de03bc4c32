using nanoFramework.Hardware.Esp32;

namespace Concentrator.Drivers.Esp32
{
    /// <summary>
    /// UART pin routing on the ESP32. nanoFramework names UARTs "COM1".."COM3" (COMn is UART n-1); on the classic
    /// ESP32 only COM1 has default pins, and it carries the debugger's wire protocol, so COM2 and COM3 need both
    /// RX and TX routed with <see cref="Configuration.SetPinFunction"/> before the port is opened.
    /// </summary>
    public static class Esp32Uart
    {
        /// <summary>The n of "COMn" (1..3), or 0 when the name is not one of those.</summary>
        public static int PortNumber(string portName)
        {
            if (portName == null || portName.Length != 4 || portName[0] != 'C' || portName[1] != 'O' || portName[2] != 'M')
            {
                return 0;
            }

            int number = portName[3] - '0';
            return number >= 1 && number <= 3 ? number : 0;
        }

        /// <summary>Routes RX and TX of COM<paramref name="portNumber"/> (1..3) to the given GPIOs.</summary>
        public static void RoutePins(int portNumber, int rxPin, int txPin)
        {
            switch (portNumber)
            {
                case 1:
                    Configuration.SetPinFunction(rxPin, DeviceFunction.COM1_RX);
                    Configuration.SetPinFunction(txPin, DeviceFunction.COM1_TX);
                    break;
                case 2:
                    Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
                    Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
                    break;
                default:
                    Configuration.SetPinFunction(rxPin, DeviceFunction.COM3_RX);
                    Configuration.SetPinFunction(txPin, DeviceFunction.COM3_TX);
                    break;
            }
        }

        /// <summary>
        /// Routes the RTS output of COM<paramref name="portNumber"/> (1..3) to a GPIO. In <c>SerialMode.RS485</c> the
        /// UART raises RTS while it sends and lowers it once the last bit is out: wired to an RS485 transceiver's
        /// DE and /RE, it switches the bus between sending and listening.
        /// </summary>
        public static void RouteRtsPin(int portNumber, int rtsPin)
        {
            switch (portNumber)
            {
                case 1:
                    Configuration.SetPinFunction(rtsPin, DeviceFunction.COM1_RTS);
                    break;
                case 2:
                    Configuration.SetPinFunction(rtsPin, DeviceFunction.COM2_RTS);
                    break;
                default:
                    Configuration.SetPinFunction(rtsPin, DeviceFunction.COM3_RTS);
                    break;
            }
        }
    }
}
