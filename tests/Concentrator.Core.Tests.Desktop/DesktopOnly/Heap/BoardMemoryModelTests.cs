using System;
using System.Globalization;
using System.IO;
using Concentrator.Core.Boards;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly.Heap
{
    /// <summary>
    /// Core's <see cref="BoardMemory"/> carries the heap model's figures to the board (start-up warning) and to the
    /// installer guide's "which board for how many meters". These tests hold those figures to the model itself
    /// (<see cref="FirmwareHeapGraph"/>, measured as <see cref="HeapBudgetTests"/> does): the guidance may overstate the
    /// need (a heap cut makes the model smaller first), but it never promises a fit the model denies.
    /// </summary>
    [TestClass]
    public class BoardMemoryModelTests
    {
        /// <summary>The guidance may fall short of the model by this fraction at most (run-to-run string interning: 0.2 KB).</summary>
        private const double Tolerance = 0.01;

        [TestMethod]
        [DataRow(0, false, false)]
        [DataRow(1, false, false)]
        [DataRow(10, false, false)]
        [DataRow(31, false, false)]
        [DataRow(31, true, false)]
        [DataRow(31, true, true)]
        public void The_guidance_never_understates_the_model(int busMeters, bool optical, bool sml)
        {
            int model = HeapBudgetTests.Measure(FirmwareHeapGraph.Build(busMeters, optical, sml), out NanoHeapModel _, out string table);
            int guidance = BoardMemory.ModelledAppBytes(true, optical, sml, busMeters);
            Console.WriteLine("P1 + " + busMeters + " bus meters" + (optical ? " + optical" : "") + (sml ? " + SML" : "") + ": model " + model
                + " B, BoardMemory " + guidance + " B");
            Assert.IsTrue(guidance >= model * (1 - Tolerance),
                "BoardMemory says " + guidance + " B, the heap model " + model + " B: update the Model* figures in Core's Boards/BoardMemory.cs and the table in hardware/README.md\n" + table);
        }

        [TestMethod]
        public void A_configuration_the_model_puts_over_the_budget_is_warned_about_on_a_board_without_PSRAM()
        {
            int model = HeapBudgetTests.Measure(FirmwareHeapGraph.Build(HeapBudgetTests.BusMeters, false, false), out NanoHeapModel _, out string _);
            if (model > HeapBudgetTests.BudgetBytes)
            {
                Assert.IsNotNull(BoardMemory.Advice(BoardProfiles.DevKitC(), true, false, false, HeapBudgetTests.BusMeters));
            }

            Assert.AreEqual(HeapBudgetTests.BudgetBytes, BoardMemory.AppBudgetBytes(BoardProfiles.DevKitC()), "the same 60 KB budget in both places");
            Assert.IsNull(BoardMemory.Advice(BoardProfiles.DevKitCWrover(), true, false, false, HeapBudgetTests.BusMeters), "a PSRAM board holds a full bus");
        }

        [TestMethod]
        public void The_installer_guides_table_carries_BoardMemorys_figures()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "hardware", "README.md")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "hardware/README.md not found above " + AppContext.BaseDirectory);
            string guide = File.ReadAllText(Path.Combine(dir.FullName, "hardware", "README.md"));
            string[] rows =
            {
                "| P1 alone (a household) | " + KiB(BoardMemory.ModelledAppBytes(true, false, false, 0)) + " KiB |",
                "| optical head alone (IEC 62056-21) | " + KiB(BoardMemory.ModelledAppBytes(false, true, false, 0)) + " KiB |",
                "| SML head + P1 (DevKitC only) | " + KiB(BoardMemory.ModelledAppBytes(true, false, true, 0)) + " KiB |",
                "| RS485 bus, 1 meter | " + KiB(BoardMemory.ModelledAppBytes(false, false, false, 1)) + " KiB |",
                "the bus's shared buffers alone are " + KiB(BoardMemory.ModelBusSharedBytes) + " KiB",
                "| RS485 bus, 8 meters / + P1 | " + KiB(BoardMemory.ModelledAppBytes(false, false, false, 8)) + " / " + KiB(BoardMemory.ModelledAppBytes(true, false, false, 8)) + " KiB |",
                "| RS485 bus, 31 meters (a utility's full bus) | " + KiB(BoardMemory.ModelledAppBytes(false, false, false, 31)) + " KiB |",
                "| RS485 bus, 31 meters + P1 / + optical head | " + KiB(BoardMemory.ModelledAppBytes(true, false, false, 31)) + " / " + KiB(BoardMemory.ModelledAppBytes(false, true, false, 31)) + " KiB |",
                "Each further bus meter adds about 2.3 KiB (" + BoardMemory.ModelBusMeterBytes + " B)",
            };
            foreach (string row in rows)
            {
                Assert.IsTrue(guide.Contains(row, StringComparison.Ordinal), "hardware/README.md lacks: " + row);
            }

            // Rows the guide marks as not fitting without PSRAM do not fit BoardMemory's budget, and the one that fits does.
            int budget = BoardMemory.AppBudgetBytes(BoardProfiles.DevKitC());
            Assert.IsTrue(BoardMemory.ModelledAppBytes(true, false, false, 0) <= budget);
            Assert.IsTrue(BoardMemory.ModelledAppBytes(false, true, false, 0) > budget);
            Assert.IsTrue(BoardMemory.ModelledAppBytes(true, false, true, 0) > budget);
            Assert.IsTrue(BoardMemory.ModelledAppBytes(false, false, false, 1) > budget);
        }

        private static string KiB(int bytes)
        {
            return (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
        }
    }
}
