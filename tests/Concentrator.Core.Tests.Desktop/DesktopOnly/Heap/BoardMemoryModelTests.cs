using System;
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
    }
}
