using System;
using System.IO;

namespace Concentrator.Drivers.Diagnostics
{
    /// <summary>
    /// A short description of an exception a hardware API threw, for a status message. Native nanoFramework
    /// exceptions often carry no message, so the kind is named from a fixed list (no reflection).
    /// </summary>
    public static class ExceptionText
    {
        public static string Describe(Exception ex)
        {
            if (ex == null)
            {
                return "unknown error";
            }

            string kind;
            if (ex is OutOfMemoryException)
            {
                kind = "out of memory";
            }
            else if (ex is NotSupportedException)
            {
                kind = "not supported";
            }
            else if (ex is ObjectDisposedException)
            {
                kind = "already disposed";
            }
            else if (ex is InvalidOperationException)
            {
                kind = "invalid operation";
            }
            else if (ex is ArgumentException)
            {
                kind = "invalid argument or resource in use";
            }
            else if (ex is IOException)
            {
                kind = "I/O error";
            }
            else if (ex is TimeoutException)
            {
                kind = "timeout";
            }
            else
            {
                kind = "error";
            }

            string message = ex.Message;
            return message == null || message.Length == 0 ? kind : kind + " (" + message + ")";
        }
    }
}
