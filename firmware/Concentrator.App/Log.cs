using System;

namespace Concentrator.App
{
    /// <summary>
    /// Lines for the debug output (Visual Studio's Output window or a serial monitor on the debugger UART).
    /// Secrets are never passed in here.
    /// </summary>
    public static class Log
    {
        public static void Info(string message)
        {
            Console.WriteLine("[info] " + message);
        }

        public static void Warn(string message)
        {
            Console.WriteLine("[warn] " + message);
        }

        public static void Error(string message)
        {
            Console.WriteLine("[error] " + message);
        }
    }
}
