import type { mediaVi } from './media.vi';

export const mediaEn: typeof mediaVi = {
  session: {
    failed: 'Audio and video ran into an error. Reload the page; slides and polls still work.',
    connecting: 'Connecting audio and video…',
    reconnecting: 'Audio and video were cut off; reconnecting…',
    unavailable:
      'Audio and video are unavailable for now: the media server cannot be reached. Slides, polls, questions and chat carry on; audio and video come back by themselves when the server is back.',
    retry: 'Try again',
    removed: 'The organisers removed you from the audio and video room.',
    duplicate: 'You opened the audio and video room on another device, so it was closed here.',
    startAudio: 'Click to hear the sound',
  },
  check: {
    title: 'Check your devices',
    intro: {
      stage: 'Check the camera, microphone and speakers before going live. Every site will see and hear you.',
      site: "Check the room's camera, microphone and speakers. The hall will see and hear this site.",
      audience:
        'Check your speakers before joining. Your microphone is only turned on when you are given the floor.',
    },
    cameraOff: 'The camera is off.',
    blocked:
      'The browser could not open the device ({{reason}}). Allow the camera and microphone, then try again.',
    sendCamera: 'Send camera video',
    camera: 'Camera',
    sendMicrophone: 'Send microphone audio',
    testMicrophone: 'Test the microphone',
    microphone: 'Microphone',
    level: 'Microphone level',
    speaker: 'Speakers',
    speakerTest: 'Play a test sound',
    speakerPlaying: 'Playing the test sound…',
    join: 'Join audio and video',
  },
  stage: {
    label: 'Hall stage',
    waiting: 'Waiting for video from the hall…',
    ownCameraOff: 'Your camera is off: turn it on or share your screen to be on the stage.',
    audioOnly: 'Audio only: video is off.',
    hasFloor: 'has the floor',
  },
  wall: {
    label: 'District sites',
    title: 'Sites connected: {{count}}',
    pages: 'Site pages',
    previous: 'Previous page',
    next: 'Next page',
    page: 'Page {{page}}/{{pages}}',
    empty: 'No site has connected its video yet.',
  },
  floor: {
    offered: 'You have been given the floor.',
    explain: 'Press "Speak" to turn on your microphone. Everyone in the session will hear you.',
    explainCamera:
      'Press "Speak" to turn on your microphone and camera. Everyone in the session will see and hear you.',
    explainJoin:
      'Press "Speak" to join the audio and video room and turn on your microphone (and your camera if you were asked to be seen).',
    speak: 'Speak',
    later: 'Not now',
    speaking: 'You are speaking; your microphone is on.',
  },
  controls: {
    microphone: 'Microphone',
    camera: 'Camera',
    screen: 'Share screen',
    audioOnly: 'Audio only',
    showVideo: 'Show video',
    quality: 'Connection quality',
    autoAudioOnly:
      'The connection is weak, so video was turned off. It comes back when the connection improves.',
  },
  moderation: {
    title: 'In the video room: {{count}}',
    muteAll: 'Mute everyone',
    muted: 'Microphone muted',
    live: 'Microphone on',
    silent: 'No microphone',
    mute: 'Mute',
    remove: 'Remove',
    removeConfirm: 'Confirm removal',
  },
};
