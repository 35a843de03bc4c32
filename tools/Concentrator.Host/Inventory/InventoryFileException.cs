using System;

namespace Concentrator.Host.Inventory;

/// <summary>An inventory file that cannot be used; the message names the file, the line and what is wrong.</summary>
public sealed class InventoryFileException : Exception
{
    public InventoryFileException(string message)
        : base(message)
    {
    }
}
