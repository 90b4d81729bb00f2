// A speechSynthesis stand-in for the Listen tests: it records every utterance (text, lang, rate,
// voice) and fires an utterance's events only when the test says so, as an engine would when it
// finishes speaking. Installed before any page script runs.
export async function installSpeechStub(page, voices = []) {
  await page.addInitScript((voiceList) => {
    const log = { utterances: [], cancels: 0, paused: false, current: null };
    class Utterance {
      constructor(text) {
        this.text = text;
        this.lang = '';
        this.rate = 1;
        this.voice = null;
        this.onend = null;
        this.onerror = null;
      }
    }
    window.SpeechSynthesisUtterance = Utterance;
    const synth = {
      getVoices: () => voiceList,
      speak(u) {
        log.utterances.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.lang : null });
        log.current = u;
      },
      cancel() {
        log.cancels += 1;
        const u = log.current;
        log.current = null;
        if (u && u.onerror) u.onerror({ type: 'error', error: 'interrupted' });
      },
      pause() { log.paused = true; },
      resume() { log.paused = false; },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    // The test's hands: finish the utterance being spoken, or make it fail.
    window.__speech = {
      log,
      end() {
        const u = log.current;
        log.current = null;
        if (u && u.onend) u.onend({ type: 'end' });
      },
      fail() {
        const u = log.current;
        log.current = null;
        if (u && u.onerror) u.onerror({ type: 'error', error: 'synthesis-failed' });
      },
    };
  }, voices);
}

export const spoken = (page) => page.evaluate(() => window.__speech.log.utterances.map((u) => u.text));
