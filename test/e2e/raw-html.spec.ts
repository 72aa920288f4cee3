import { expect, hydrated, test } from './fixtures';

const POST = 'posts/measuring-io-latency-with-fio-and-go/';
const VIDEO_HOSTS = /youtube|ytimg|vimeo|googlevideo/;

test('a <details> block opens on click and shows its markdown', async ({ page, problems }) => {
  await page.goto(POST);
  const details = page.locator('article details').filter({ hasText: 'Why a flush on a consumer drive' });
  const summary = details.getByText('Why a flush on a consumer drive takes milliseconds');
  const body = details.getByText(/mapping table/);
  await expect(body).toBeHidden();
  await summary.click();
  await expect(details).toHaveAttribute('open', '');
  await expect(body).toBeVisible();
  await expect(page.locator('article kbd').first()).toHaveText('Ctrl');
  expect(problems).toEqual([]);
});

for (const arrival of ['pre-rendered page', 'client-side navigation'] as const) {
  test(`a video embed asks nothing of the video host until the reader clicks (${arrival})`, async ({ page, problems }) => {
    const videoRequests: string[] = [];
    page.on('request', (request) => {
      if (VIDEO_HOSTS.test(new URL(request.url()).hostname)) videoRequests.push(request.url());
    });
    // No internet here: the player's host answers with a page of our own.
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>The player</p>' }),
    );

    if (arrival === 'pre-rendered page') {
      await page.goto(POST);
    } else {
      await page.goto('/');
      await hydrated(page);
      await page
        .getByRole('link', { name: /Measuring fsync latency/ })
        .first()
        .click();
    }
    const play = page.getByRole('button', { name: 'Play video: Shouting in the Datacenter' });
    await expect(play).toBeVisible();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await page.waitForLoadState('networkidle');
    await play.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    expect(videoRequests).toEqual([]);
    await expect(page.locator('article iframe')).toHaveCount(0);

    await play.click();
    const frame = page.locator('article figure.embed iframe');
    await expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/tDacjrSCeq4?autoplay=1');
    await expect(frame).toHaveAttribute('title', 'Shouting in the Datacenter');
    await expect(frame).toBeFocused();
    await expect(page.frameLocator('article figure.embed iframe').getByText('The player')).toBeVisible();
    expect(videoRequests).toEqual(['https://www.youtube-nocookie.com/embed/tDacjrSCeq4?autoplay=1']);
    await expect(page.getByRole('link', { name: /Watch on YouTube/ })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=tDacjrSCeq4');
    expect(problems).toEqual([]);
  });
}
