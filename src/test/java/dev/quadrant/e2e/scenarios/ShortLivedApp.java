package dev.quadrant.e2e.scenarios;

/** An application that does a little work and exits normally: for option errors and the final report. */
public final class ShortLivedApp {
    public static void main(String[] args) {
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += Integer.toString(i).length();
        Scenario.sleep(1500);
        System.out.println("app ran to completion: " + sum);
    }
}
